using System.Text.Json.Serialization;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// What a draft decision would decide. The kind selects the charter's decision rule; the subject is what an
/// authorisation is matched against (the host nation of a deployment, the text of a statement).
/// </summary>
[GenerateSerializer, Alias("Alliances.DraftProposal"), Immutable]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CollectiveDefenceProposal), "collectiveDefence")]
[JsonDerivedType(typeof(JointDeploymentProposal), "jointDeployment")]
[JsonDerivedType(typeof(CollectiveStatementProposal), "collectiveStatement")]
[JsonDerivedType(typeof(AdmissionProposal), "admission")]
[JsonDerivedType(typeof(SuspensionProposal), "suspension")]
public abstract record DraftProposal
{
    // Computed here rather than overridden in each proposal: System.Text.Json does not carry [JsonIgnore] to
    // overrides, and a serialized "kind" would clash with the type discriminator.
    [JsonIgnore]
    public DecisionKind Kind => this switch
    {
        CollectiveDefenceProposal => DecisionKind.CollectiveDefence,
        JointDeploymentProposal => DecisionKind.JointDeployment,
        CollectiveStatementProposal => DecisionKind.CollectiveStatement,
        AdmissionProposal => DecisionKind.Admission,
        SuspensionProposal => DecisionKind.Suspension,
        _ => DecisionKind.Default,
    };

    [JsonIgnore]
    public string Subject => this switch
    {
        CollectiveDefenceProposal p => p.AttackId,
        JointDeploymentProposal p => p.Nation,
        CollectiveStatementProposal p => p.Text,
        AdmissionProposal p => p.Candidate,
        SuspensionProposal p => p.Member,
        _ => "",
    };

    public string Describe() => this switch
    {
        CollectiveDefenceProposal p => $"Invoke collective defence in response to attack {p.AttackId}",
        JointDeploymentProposal { Area: null } p => $"Joint deployment to {p.Nation}",
        JointDeploymentProposal p => $"Joint deployment to {p.Nation} ({p.Area})",
        CollectiveStatementProposal p => $"Collective statement: \"{p.Text}\"",
        AdmissionProposal p => $"Admit {p.Candidate} as a member",
        SuspensionProposal p => $"Suspend {p.Member}",
        _ => GetType().Name,
    };
}

/// <summary>Invoke collective defence (Art. 5) in response to an armed attack on record.</summary>
[GenerateSerializer, Alias("Alliances.CollectiveDefenceProposal"), Immutable]
public sealed record CollectiveDefenceProposal(string AttackId) : DraftProposal;

/// <summary>Authorise members to deploy forces jointly to <paramref name="Nation"/> (an area may be named in words).</summary>
[GenerateSerializer, Alias("Alliances.JointDeploymentProposal"), Immutable]
public sealed record JointDeploymentProposal(string Nation, string? Area = null) : DraftProposal;

/// <summary>Authorise a statement in the alliance's name, word for word.</summary>
[GenerateSerializer, Alias("Alliances.CollectiveStatementProposal"), Immutable]
public sealed record CollectiveStatementProposal(string Text) : DraftProposal;

[GenerateSerializer, Alias("Alliances.AdmissionProposal"), Immutable]
public sealed record AdmissionProposal(string Candidate) : DraftProposal;

[GenerateSerializer, Alias("Alliances.SuspensionProposal"), Immutable]
public sealed record SuspensionProposal(string Member) : DraftProposal;
