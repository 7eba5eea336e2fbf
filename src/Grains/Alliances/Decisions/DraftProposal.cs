using System.Text.Json.Serialization;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// What a draft decision would decide. The kind selects the charter's decision rule; the subject is what an
/// authorisation is matched against (the host nation of a deployment, the text of a statement).
/// </summary>
[GenerateSerializer, Immutable]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CollectiveDefenceProposal), "collectiveDefence")]
[JsonDerivedType(typeof(JointDeploymentProposal), "jointDeployment")]
[JsonDerivedType(typeof(CollectiveStatementProposal), "collectiveStatement")]
[JsonDerivedType(typeof(AdmissionProposal), "admission")]
[JsonDerivedType(typeof(SuspensionProposal), "suspension")]
public abstract record DraftProposal
{
    [JsonIgnore]
    public abstract DecisionKind Kind { get; }

    [JsonIgnore]
    public abstract string Subject { get; }

    public abstract string Describe();
}

/// <summary>Invoke collective defence (Art. 5) in response to an armed attack on record.</summary>
[GenerateSerializer, Immutable]
public sealed record CollectiveDefenceProposal(string AttackId) : DraftProposal
{
    public override DecisionKind Kind => DecisionKind.CollectiveDefence;

    public override string Subject => AttackId;

    public override string Describe() => $"Invoke collective defence in response to attack {AttackId}";
}

/// <summary>Authorise members to deploy forces jointly to <paramref name="Nation"/> (an area may be named in words).</summary>
[GenerateSerializer, Immutable]
public sealed record JointDeploymentProposal(string Nation, string? Area = null) : DraftProposal
{
    public override DecisionKind Kind => DecisionKind.JointDeployment;

    public override string Subject => Nation;

    public override string Describe() => Area is null ? $"Joint deployment to {Nation}" : $"Joint deployment to {Nation} ({Area})";
}

/// <summary>Authorise a statement in the alliance's name, word for word.</summary>
[GenerateSerializer, Immutable]
public sealed record CollectiveStatementProposal(string Text) : DraftProposal
{
    public override DecisionKind Kind => DecisionKind.CollectiveStatement;

    public override string Subject => Text;

    public override string Describe() => $"Collective statement: \"{Text}\"";
}

[GenerateSerializer, Immutable]
public sealed record AdmissionProposal(string Candidate) : DraftProposal
{
    public override DecisionKind Kind => DecisionKind.Admission;

    public override string Subject => Candidate;

    public override string Describe() => $"Admit {Candidate} as a member";
}

[GenerateSerializer, Immutable]
public sealed record SuspensionProposal(string Member) : DraftProposal
{
    public override DecisionKind Kind => DecisionKind.Suspension;

    public override string Subject => Member;

    public override string Describe() => $"Suspend {Member}";
}
