using System.Collections.Immutable;
using CrisisGrid.Gateway.Tests.Support;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Gateway.Tests.Security;

/// <summary>
/// Plants private things of team ARD in a small-test exercise, each carrying a distinctive string that must never
/// reach anyone who may not see it: an adjudicated order (its outcome report), an order still pending, a brief to ARD
/// only, a change exercise control made to ARD with a control-only reason, and Northern Compact member traffic (a
/// consultation with a threat and a statement, an intelligence report, a tabled draft) and negotiation traffic (a caucus
/// with the mediator, secret talks). Ends with a public news item,
/// so every viewer receives a push that takes its watermark to the end.
/// </summary>
public static class ArdeniaSecrets
{
    public const string AdjudicatedOrderId = "ardenia-secret-order-q7x2-adjudicated";
    public const string PendingOrderId = "ardenia-secret-order-q7x2-pending";
    public const string InjectId = "ardenia-eyes-only-q7x2";
    public const string BriefTitle = "Mole in the Ardenian cabinet q7x2";
    public const string BriefText = "Only Ardenia is told: a source inside the cabinet reports to Borovia (q7x2).";
    public const string AdjustmentReason = "Exercise control tops up Ardenia quietly q7x2";
    public const string ConsultationId = "ncp-consultation-q7x2";
    public const string Threat = "Borovian sleeper cells near the river crossing q7x2";
    public const string Statement = "Ardenia will defend the crossing whatever it takes q7x2";
    public const string ReportId = "ncp-intel-q7x2";
    public const string ReportTitle = "Borovian order of battle q7x2";
    public const string ReportBody = "Three armoured brigades at Kessel, low on fuel q7x2.";
    public const string DraftId = "ncp-draft-q7x2";
    public const string DraftText = "The Compact warns Borovia that the crossing is a red line q7x2";

    public const string CaucusMessageId = "border-caucus-q7x2";
    public const string CaucusText = "Ardenia would cede the ferry landing if pressed q7x2";
    public const string SecretTalksId = "ardenia-calderra-q7x2";
    public const string SecretTalksTitle = "Ardenia and Calderra, quietly q7x2";
    public const string SecretTalksText = "Calderra may host Ardenian reserves q7x2";

    /// <summary>The marker every planted string contains.</summary>
    public const string Marker = "q7x2";

    /// <summary>Exercise control's rationale for amending ARD's turn-1 outcome in the review queue: control's alone, not even ARD's.</summary>
    public const string ReviewRationale = "Control mutes the Ardenian mobilisation to keep the scenario on track q7x2";

    /// <summary>Strings only exercise control may see (the planted ones ARD may see as well).</summary>
    public static IReadOnlyList<string> ControlOnly { get; } = [ReviewRationale];

    public const string ClosingHeadline = "Markets steady after a quiet day";

    public static IReadOnlyList<string> Strings { get; } =
    [
        AdjudicatedOrderId, PendingOrderId, InjectId, BriefTitle, BriefText, AdjustmentReason, ConsultationId, Threat,
        Statement, ReportId, ReportTitle, ReportBody, DraftId, DraftText, CaucusMessageId, CaucusText, SecretTalksId,
        SecretTalksTitle, SecretTalksText, Marker,
    ];

    /// <summary>Plays the exercise to turn 2's orders phase, planting the secrets on the way; returns the last sequence.</summary>
    public static async Task<long> Plant(GatewayApi api, ExerciseSession session)
    {
        var (id, control, ardenia) = (session.ExerciseId, session.Facilitator, session.Ardenia);
        await api.Accept(control, id, "exercise.setAdjudicationReview", new { enabled = true });
        await api.Accept(control, id, "exercise.start");
        await api.Accept(control, id, "exercise.advance");
        await api.Accept(ardenia, id, "nation.submitOrder", new { orderId = AdjudicatedOrderId, action = new { kind = "mobilise" } });
        await api.Accept(session.Borovia, id, "nation.submitOrder", new { orderId = "bor-hold", action = new { kind = "hold" } });
        await api.Accept(control, id, "exercise.advance"); // adjudication, held for control's review

        // Control amends ARD's outcome with a rationale of its own and approves BOR's; on release ARD alone learns its outcome.
        await api.Accept(control, id, "exercise.reviewOutcome", new
        {
            outcomeId = "t1-ARD-1",
            verdict = "amend",
            rationale = ReviewRationale,
            effects = new[] { new { nation = "ARD", indices = new { readiness = 3 }, relations = new { } } },
        });
        await api.Accept(control, id, "exercise.reviewOutcome", new { outcomeId = "t1-BOR-1", verdict = "approve" });
        await api.Accept(control, id, "exercise.releaseResults");
        await api.WaitForPhase(control, id, "results", turn: 1);
        await api.Accept(control, id, "exercise.advance");
        await api.Accept(control, id, "exercise.advance");
        await api.Accept(ardenia, id, "nation.submitOrder", new { orderId = PendingOrderId, action = new { kind = "imposeSanctions", nation = "BOR" } });

        await api.Accept(control, id, "exercise.injectAdHoc", new InjectAdHoc(new InjectDefinition(
            InjectId, BriefTitle, InjectKind.CyberAttack, InjectSchedule.Manual, new InjectTargets(false, ["ARD"], []), [], [], null, BriefText)));
        await api.Accept(control, id, "exercise.adjustNation", new AdjustNation(
            new NationDelta(
                "ARD",
                ImmutableSortedDictionary.CreateRange(new Dictionary<NationIndex, int> { [NationIndex.MilitaryStrength] = 13, [NationIndex.Economy] = 9 }),
                ImmutableSortedDictionary<string, RelationChange>.Empty.WithComparers(StringComparer.Ordinal)),
            AdjustmentReason));

        await api.Accept(ardenia, id, "alliance.requestConsultation", new { alliance = "NCP", consultationId = ConsultationId, threat = Threat });
        await api.Accept(control, id, "alliance.conveneConsultation", new { alliance = "NCP", consultationId = ConsultationId });
        await api.Accept(ardenia, id, "alliance.recordPosition", new { alliance = "NCP", consultationId = ConsultationId, position = "statement", text = Statement });
        await api.Accept(ardenia, id, "alliance.shareIntelligence", new { alliance = "NCP", reportId = ReportId, title = ReportTitle, body = ReportBody });
        await api.Accept(ardenia, id, "alliance.tableDraft", new { alliance = "NCP", draftId = DraftId, proposal = new { kind = "collectiveStatement", text = DraftText } });

        // Negotiations: ARD's caucus with the mediator of the standing border talks (BOR, the other party, may not
        // read it), and secret talks with Calderra whose very existence is hidden from everyone else.
        await api.Accept(ardenia, id, "negotiation.post", new { session = "border-talks", messageId = CaucusMessageId, channel = new { kind = "caucus", party = "ARD" }, text = CaucusText });
        await api.Accept(control, id, "negotiation.convene", new { talks = new { id = SecretTalksId, title = SecretTalksTitle, parties = new[] { "ARD", "CAL" }, secret = true } });
        await api.Accept(ardenia, id, "negotiation.post", new { session = SecretTalksId, messageId = "secret-1", channel = new { kind = "plenary" }, text = SecretTalksText });

        var closing = await api.Accept(control, id, "exercise.publishNews", new { headline = ClosingHeadline, body = "Nothing to report." });
        return closing.LastSequence!.Value;
    }

    /// <summary>ARD's private indices and relations as exercise control reads them: exact JSON fragments to search for.</summary>
    public static async Task<IReadOnlyList<string>> PrivateValueFragments(GatewayApi api, ExerciseSession session)
    {
        var ard = await api.GetJson(session.Facilitator, $"/api/exercises/{session.ExerciseId}/nations/ARD");
        return [ard["private"]!["indices"]!.ToJsonString(), ard["private"]!["relations"]!.ToJsonString()];
    }
}
