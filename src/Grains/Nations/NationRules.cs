using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Nations;

/// <summary>
/// The rules a nation grain enforces: who may give its orders, when, within what budget, and which actions make
/// sense from its current posture. Pure functions of state and command.
/// </summary>
public static partial class NationRules
{
    public const int MaxOrderIdLength = 64;
    public const int MaxStatementLength = 500;
    public const string InsufficientActionPoints = "insufficient-action-points";

    public static Decision Initialize(NationState state, Participant actor, InitializeNation command)
    {
        if (!actor.IsControl)
        {
            return Decision.Forbidden("Only exercise control can set up a nation.");
        }

        if (state.Initialized)
        {
            return Decision.Reject(RejectionCodes.InvalidState, $"Nation {state.Code} is already set up.");
        }

        var defined = command.Definition.Relations.ToDictionary(r => r.With, StringComparer.Ordinal);
        var relations = command.AllNations
            .Where(code => code != command.Definition.Code)
            .ToImmutableSortedDictionary(
                code => code,
                code => defined.TryGetValue(code, out var r) ? new Relation(r.Trust, r.Tension) : new Relation(50, 20),
                StringComparer.Ordinal);
        return Decision.Accept(Private(state, new NationInitialized(command.Definition, relations, command.ActionPointsPerTurn)));
    }

    public static Decision OpenOrders(NationState state, Participant actor, OpenOrders command)
    {
        if (!actor.IsControl)
        {
            return Decision.Forbidden("Only exercise control opens the orders phase.");
        }

        if (!state.Initialized)
        {
            return NotInitialized(state);
        }

        if (state.OrdersTurn >= command.Turn)
        {
            return Decision.Accept(); // already opened (or closed) for this turn: nothing to do
        }

        return Decision.Accept(Private(state, new OrdersOpened(command.Turn, state.ActionPointsPerTurn)));
    }

    /// <summary>
    /// Accepts an order within the turn's budget. An alliance-flagged order (<see cref="IAllianceFlagged"/>) also
    /// needs <paramref name="authorisation"/>: the alliance's answer, fetched by the grain beforehand so this rule
    /// stays pure. Without a granted authorisation the order is refused with the alliance's reason.
    /// </summary>
    public static Decision Submit(NationState state, Participant actor, SubmitOrder command, Authorisation? authorisation = null)
    {
        var gate = CheckCanGiveOrders(state, actor);
        if (gate is not null)
        {
            return Decision.Reject(gate);
        }

        if (string.IsNullOrWhiteSpace(command.OrderId) || command.OrderId.Length > MaxOrderIdLength)
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, "An order needs an id.", "orderId", $"1 to {MaxOrderIdLength} characters");
        }

        if (state.Orders.Exists(o => o.OrderId == command.OrderId))
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, $"Order '{command.OrderId}' was already given this turn.", "orderId", "an id not used this turn");
        }

        var invalid = ValidateAction(state, command.Action);
        if (invalid is not null)
        {
            return Decision.Reject(invalid);
        }

        if (command.Action is IAllianceFlagged flagged)
        {
            var refused = CheckAuthorisation(state, command.Action, flagged, authorisation);
            if (refused is not null)
            {
                return Decision.Reject(refused);
            }
        }

        var cost = ActionCatalog.Cost(command.Action);
        if (cost > state.ActionPoints)
        {
            return Decision.Reject(
                InsufficientActionPoints,
                $"{ActionCatalog.Describe(command.Action)} costs {cost} action points; {state.Code} has {state.ActionPoints} left this turn.",
                "action",
                $"actions costing at most {state.ActionPoints}");
        }

        return Decision.Accept(Private(state, new OrderSubmitted(new Order(command.OrderId, state.OrdersTurn, command.Action, cost))));
    }

    /// <summary>
    /// Spends points of the open turn's budget on something that is not an order (convening talks). Points belong
    /// to the orders phase: outside it there is no budget to spend from, so the spend is refused like an order.
    /// Short of points, the refusal is the same <c>insufficient-action-points</c> an order gets.
    /// </summary>
    public static Decision Spend(NationState state, Participant actor, SpendActionPoints command)
    {
        var gate = CheckCanGiveOrders(state, actor);
        if (gate is not null)
        {
            return Decision.Reject(gate.Code == RejectionCodes.InvalidState
                ? gate with { Message = $"{Capitalise(command.For)} costs {Points(command.Points)}, spent in the orders phase. {gate.Message}", Allowed = "the orders phase of a turn" }
                : gate);
        }

        if (command.Points < 1)
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, "Say how many action points to spend.", "points", "1 or more");
        }

        if (command.Points > state.ActionPoints)
        {
            return Decision.Reject(
                InsufficientActionPoints,
                $"{Capitalise(command.For)} costs {Points(command.Points)}; {state.Code} has {state.ActionPoints} left this turn.",
                "actionPoints",
                $"at most {state.ActionPoints}");
        }

        return Decision.Accept(Private(state, new ActionPointsSpent(state.OrdersTurn, command.Points, command.For)));
    }

    public static Decision Withdraw(NationState state, Participant actor, WithdrawOrder command)
    {
        var gate = CheckCanGiveOrders(state, actor);
        if (gate is not null)
        {
            return Decision.Reject(gate);
        }

        return state.Orders.Exists(o => o.OrderId == command.OrderId)
            ? Decision.Accept(Private(state, new OrderWithdrawn(state.OrdersTurn, command.OrderId)))
            : Decision.Reject(RejectionCodes.NotFound, $"No order '{command.OrderId}' this turn.", "orderId", Allowed(state.Orders.Select(o => o.OrderId)));
    }

    public static Decision Close(NationState state, Participant actor, int turn)
    {
        if (!actor.IsControl)
        {
            return Decision.Forbidden("Only exercise control closes the orders phase.");
        }

        if (!state.Initialized)
        {
            return NotInitialized(state);
        }

        // Closing is idempotent: a turn already closed (or never opened) records nothing.
        return state.OrdersOpen && state.OrdersTurn == turn
            ? Decision.Accept(Private(state, new OrdersClosed(turn, [.. state.Orders])))
            : Decision.Accept();
    }

    public static Decision ApplyChange(NationState state, Participant actor, ApplyNationChange command)
    {
        if (!actor.IsControl)
        {
            return Decision.Forbidden("Only exercise control changes a nation's indices directly.");
        }

        if (!state.Initialized)
        {
            return NotInitialized(state);
        }

        if (command.Delta.Nation != state.Code)
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, $"This change is for {command.Delta.Nation}, not {state.Code}.", "delta.nation", state.Code);
        }

        if (state.AppliedCauses.Contains(command.Cause))
        {
            return Decision.Accept(); // applied before: a redelivery changes nothing
        }

        var unknown = command.Delta.Relations.Keys.FirstOrDefault(code => !state.Knows(code));
        if (unknown is not null)
        {
            return Decision.Reject(RejectionCodes.NotFound, $"Unknown nation '{unknown}' in a relation change.", "delta.relations", Allowed(state.Relations.Keys));
        }

        var changed = Private(state, new NationChanged(command.Cause, command.Summary, command.Delta, command.Because));
        var after = NationEvolve.ApplyDelta(state, command.Delta);
        return after.Posture == state.Posture && after.Sanctioning.SetEquals(state.Sanctioning)
            ? Decision.Accept(changed)
            : Decision.Accept(changed, new PendingEvent(new NationPostureChanged(after.Posture, [.. after.Sanctioning]), Audience.Public));
    }

    /// <summary>Whether <paramref name="alliance"/> can name an alliance (checked before the grain asks it anything).</summary>
    public static bool IsAllianceCode(string? alliance) => alliance is not null && AllianceCodePattern().IsMatch(alliance);

    private static Rejection? CheckAuthorisation(NationState state, NationAction action, IAllianceFlagged flagged, Authorisation? authorisation)
    {
        // The authorisation must answer this very question; anything else (or none) is no authorisation.
        var answers = authorisation is not null
            && authorisation.Alliance == flagged.Alliance
            && authorisation.Nation == state.Code
            && authorisation.Kind == flagged.DecisionKind
            && authorisation.Subject == flagged.Subject.Trim();
        if (!answers)
        {
            return new Rejection(AllianceRejectionCodes.NotAuthorised,
                $"{ActionCatalog.Describe(action)} needs a passed decision of {flagged.Alliance}, and {flagged.Alliance} has not authorised it.", "action");
        }

        return authorisation!.Refusal;
    }

    private static Rejection? CheckCanGiveOrders(NationState state, Participant actor)
    {
        if (!state.Initialized)
        {
            return new Rejection(RejectionCodes.NotInitialized, $"Nation {state.Code} is not part of this exercise.");
        }

        if (!actor.IsControl && !actor.Plays(state.Code))
        {
            return new Rejection(RejectionCodes.Forbidden, $"{Capitalise(actor.ToString())} cannot give orders for {state.Code}.");
        }

        if (!state.OrdersOpen)
        {
            return new Rejection(
                RejectionCodes.InvalidState,
                $"Orders for {state.Code} are closed. They open in the orders phase of each turn.");
        }

        return null;
    }

    private static Rejection? ValidateAction(NationState state, NationAction action)
    {
        if (action.TargetNation() is { } target)
        {
            if (target == state.Code)
            {
                return new Rejection(RejectionCodes.InvalidArgument, $"{ActionCatalog.Describe(action)}: a nation cannot target itself.", "action", Allowed(state.Relations.Keys));
            }

            if (!state.Knows(target))
            {
                return new Rejection(RejectionCodes.NotFound, $"Unknown nation '{target}'.", "action", Allowed(state.Relations.Keys));
            }
        }

        var pending = state.Orders.Select(o => o.Action).ToList();
        if (action is Hold && pending.Count > 0)
        {
            return new Rejection(RejectionCodes.InvalidState, "Hold means no other orders this turn; withdraw the other orders first.", "action");
        }

        if (action is not Hold && pending.Any(a => a is Hold))
        {
            return new Rejection(RejectionCodes.InvalidState, $"{state.Code} holds this turn; withdraw the hold order first.", "action");
        }

        return action switch
        {
            PublicStatement s when string.IsNullOrWhiteSpace(s.Text) || s.Text.Length > MaxStatementLength =>
                new Rejection(RejectionCodes.InvalidArgument, "A public statement needs its text.", "action.text", $"1 to {MaxStatementLength} characters"),
            Mobilise when state.Posture.Mobilised || pending.Any(a => a is Mobilise) =>
                new Rejection(RejectionCodes.InvalidState, $"{state.Code} is already mobilised (or has ordered it this turn).", "action", "standDown"),
            StandDown when !state.Posture.Mobilised || pending.Any(a => a is StandDown) =>
                new Rejection(RejectionCodes.InvalidState, $"{state.Code} is not mobilised (or has already ordered a stand-down).", "action", "mobilise"),
            DeployForces { Area: DeploymentArea.Home, Nation: not null } =>
                new Rejection(RejectionCodes.InvalidArgument, "Forces return home: no nation to name.", "action.nation", "null"),
            DeployForces { Area: not DeploymentArea.Home, Nation: null } d =>
                new Rejection(RejectionCodes.InvalidArgument, $"A deployment to the {d.Area.ToString().ToLowerInvariant()} needs a nation.", "action.nation", Allowed(state.Relations.Keys)),
            DeployForces or JointDeployment when pending.Any(a => a is DeployForces or JointDeployment) =>
                new Rejection(RejectionCodes.InvalidState, "Only one deployment order per turn.", "action"),
            IAllianceFlagged f when !IsAllianceCode(f.Alliance) =>
                new Rejection(RejectionCodes.InvalidArgument, $"'{f.Alliance}' is not an alliance code.", "action.alliance", "the code of an alliance of this exercise"),
            CollectiveStatement c when string.IsNullOrWhiteSpace(c.Text) || c.Text.Length > MaxStatementLength =>
                new Rejection(RejectionCodes.InvalidArgument, "A collective statement needs its text.", "action.text", $"1 to {MaxStatementLength} characters"),
            ImposeSanctions s when state.Sanctioning.Contains(s.Nation) || pending.Any(a => a is ImposeSanctions p && p.Nation == s.Nation) =>
                new Rejection(RejectionCodes.InvalidState, $"{state.Code} already sanctions {s.Nation}.", "action", $"liftSanctions on {s.Nation}"),
            LiftSanctions s when !state.Sanctioning.Contains(s.Nation) || pending.Any(a => a is LiftSanctions p && p.Nation == s.Nation) =>
                new Rejection(RejectionCodes.InvalidState, $"{state.Code} has no sanctions on {s.Nation} to lift.", "action", Allowed(state.Sanctioning)),
            _ => null,
        };
    }

    private static Decision NotInitialized(NationState state) =>
        Decision.Reject(RejectionCodes.NotInitialized, $"Nation {state.Code} is not part of this exercise.");

    private static PendingEvent Private(NationState state, DomainEvent domainEvent) => new(domainEvent, Audience.ToNation(state.Code));

    private static string Allowed(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex AllianceCodePattern();

    private static string Points(int points) => points == 1 ? "1 action point" : $"{points} action points";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
