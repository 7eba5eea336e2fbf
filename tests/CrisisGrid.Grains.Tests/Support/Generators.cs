using System.Collections.Immutable;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CrisisGrid.Grains.Tests.Support;

/// <summary>FsCheck generators for the domain; property tests receive them through <see cref="DomainArbitraries"/>.</summary>
internal static class Generators
{
    public static readonly string[] Codes = ["EST", "NOR", "RUS", "SWE"];

    public static Gen<int> Index => Gen.Choose(0, 100);

    public static Gen<NationIndices> Indices =>
        from m in Index
        from r in Index
        from e in Index
        from d in Index
        from p in Index
        from s in Index
        select new NationIndices(m, r, e, d, p, s);

    public static Gen<NationState> Nation(string code) =>
        from indices in Indices
        from trust in Gen.ArrayOf(Index, 3)
        from tension in Gen.ArrayOf(Index, 3)
        from mobilised in Gen.Elements(true, false)
        select NationState.Empty(code) with
        {
            Name = code,
            Initialized = true,
            Indices = indices,
            Relations = Codes.Where(c => c != code).Select((c, i) => (c, i))
                .ToImmutableSortedDictionary(x => x.c, x => new Relation(trust[x.i], tension[x.i]), StringComparer.Ordinal),
            Posture = ForcePosture.AtHome with { Mobilised = mobilised },
        };

    public static Gen<NationAction> Action(string actor)
    {
        var others = Codes.Where(c => c != actor).ToArray();
        var target = Gen.Elements(others);
        return Gen.OneOf(
            from tone in Gen.Elements(StatementTone.Conciliatory, StatementTone.Firm, StatementTone.Hostile)
            from toward in Gen.Elements([null, .. others])
            select (NationAction)new PublicStatement(tone, "Statement.", toward),
            Gen.Constant<NationAction>(new Mobilise()),
            Gen.Constant<NationAction>(new StandDown()),
            target.Select(t => (NationAction)new DeployForces(DeploymentArea.Border, t)),
            target.Select(t => (NationAction)new DeployForces(DeploymentArea.Ally, t)),
            Gen.Constant<NationAction>(new DeployForces(DeploymentArea.Home)),
            from t in target from announced in Gen.Elements(true, false) select (NationAction)new JointExercise(t, announced),
            target.Select(t => (NationAction)new ImposeSanctions(t)),
            target.Select(t => (NationAction)new LiftSanctions(t)),
            target.Select(t => (NationAction)new HumanitarianAid(t)),
            target.Select(t => (NationAction)new ShareIntelligence(t)),
            target.Select(t => (NationAction)new CyberOperation(t)),
            Gen.Constant<NationAction>(new Hold()),
            target.Select(t => (NationAction)new JointDeployment("NAT", t)),
            Gen.Constant<NationAction>(new CollectiveStatement("NAT", "The alliance stands together.")));
    }

    /// <summary>A turn's input: four nations with random states and up to three orders each.</summary>
    public static Gen<ImmutableArray<ClosedOrders>> Turn =>
        from nations in Gen.CollectToArray(Codes, Nation)
        from orders in Gen.CollectToArray(Codes, c => Gen.ListOf(Action(c)).Select(l => l.Take(3).ToList()))
        select nations.Zip(orders, (n, o) => new ClosedOrders(1, n, [.. o.Select((a, i) => new Order($"o{i}", 1, a, ActionCatalog.Cost(a)))])).ToImmutableArray();

    public static Gen<NationDelta> Delta(string code) =>
        from index in Gen.Elements(Enum.GetValues<NationIndex>())
        from amount in Gen.Choose(-300, 300)
        from toward in Gen.Elements(Codes.Where(c => c != code).ToArray())
        from trust in Gen.Choose(-300, 300)
        from tension in Gen.Choose(-300, 300)
        select NationDelta.None(code).AddIndex(index, amount).AddRelation(toward, trust, tension);

    public static NationState Initialized(string code)
    {
        var definition = TestScenarios.Small().FindNation(code)!;
        return NationEvolve.Apply(NationState.Empty(code), new NationInitialized(
            definition,
            Codes.Where(c => c != code).ToImmutableSortedDictionary(c => c, _ => new Relation(50, 20), StringComparer.Ordinal),
            4));
    }
}
