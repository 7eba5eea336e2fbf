using System.Text.Json.Serialization;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Nations;

/// <summary>
/// An order a nation gives for the current turn (DOMAIN.md, "Nations"). Orders cost action points and are
/// adjudicated together when the turn's orders phase closes. Alliance procedures (consultation, votes) and
/// negotiations are not orders: they happen immediately in their own grains.
/// </summary>
[GenerateSerializer, Alias("Nations.NationAction"), Immutable]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(PublicStatement), "publicStatement")]
[JsonDerivedType(typeof(Mobilise), "mobilise")]
[JsonDerivedType(typeof(StandDown), "standDown")]
[JsonDerivedType(typeof(DeployForces), "deployForces")]
[JsonDerivedType(typeof(JointExercise), "jointExercise")]
[JsonDerivedType(typeof(ImposeSanctions), "imposeSanctions")]
[JsonDerivedType(typeof(LiftSanctions), "liftSanctions")]
[JsonDerivedType(typeof(HumanitarianAid), "humanitarianAid")]
[JsonDerivedType(typeof(ShareIntelligence), "shareIntelligence")]
[JsonDerivedType(typeof(CyberOperation), "cyberOperation")]
[JsonDerivedType(typeof(Hold), "hold")]
[JsonDerivedType(typeof(JointDeployment), "jointDeployment")]
[JsonDerivedType(typeof(CollectiveStatement), "collectiveStatement")]
public abstract record NationAction
{
    /// <summary>The other nation this action is aimed at, if any. A method, so it is never part of the JSON.</summary>
    public virtual string? TargetNation() => null;
}

[GenerateSerializer, Alias("Nations.StatementTone")]
public enum StatementTone
{
    Conciliatory,
    Firm,
    Hostile,
}

/// <summary>A public statement, optionally addressed to one nation.</summary>
[GenerateSerializer, Alias("Nations.PublicStatement"), Immutable]
public sealed record PublicStatement(StatementTone Tone, string Text, string? Toward = null) : NationAction
{
    public override string? TargetNation() => Toward;
}

[GenerateSerializer, Alias("Nations.Mobilise"), Immutable]
public sealed record Mobilise : NationAction;

[GenerateSerializer, Alias("Nations.StandDown"), Immutable]
public sealed record StandDown : NationAction;

[GenerateSerializer, Alias("Nations.DeploymentArea")]
public enum DeploymentArea
{
    /// <summary>Forces back in home garrisons.</summary>
    Home,

    /// <summary>Forces at the border facing a nation.</summary>
    Border,

    /// <summary>Forces on a partner's territory, at its invitation.</summary>
    Ally,
}

[GenerateSerializer, Alias("Nations.DeployForces"), Immutable]
public sealed record DeployForces(DeploymentArea Area, string? Nation = null) : NationAction
{
    public override string? TargetNation() => Nation;
}

/// <summary>A joint exercise with a partner: a confidence-building measure when announced, a provocation when not.</summary>
[GenerateSerializer, Alias("Nations.JointExercise"), Immutable]
public sealed record JointExercise(string Partner, bool Announced) : NationAction
{
    public override string? TargetNation() => Partner;
}

[GenerateSerializer, Alias("Nations.ImposeSanctions"), Immutable]
public sealed record ImposeSanctions(string Nation) : NationAction
{
    public override string? TargetNation() => Nation;
}

[GenerateSerializer, Alias("Nations.LiftSanctions"), Immutable]
public sealed record LiftSanctions(string Nation) : NationAction
{
    public override string? TargetNation() => Nation;
}

[GenerateSerializer, Alias("Nations.HumanitarianAid"), Immutable]
public sealed record HumanitarianAid(string Recipient) : NationAction
{
    public override string? TargetNation() => Recipient;
}

[GenerateSerializer, Alias("Nations.ShareIntelligence"), Immutable]
public sealed record ShareIntelligence(string Recipient) : NationAction
{
    public override string? TargetNation() => Recipient;
}

[GenerateSerializer, Alias("Nations.CyberOperation"), Immutable]
public sealed record CyberOperation(string Nation) : NationAction
{
    public override string? TargetNation() => Nation;
}

/// <summary>A deliberate decision to do nothing this turn (unlike missing the orders deadline).</summary>
[GenerateSerializer, Alias("Nations.Hold"), Immutable]
public sealed record Hold : NationAction;

/// <summary>
/// An order given in an alliance's name. The nation grain accepts it only when the alliance says a passed decision
/// authorises it: the alliance enforces its charter, the nation only asks.
/// </summary>
[Alias("Nations.IAllianceFlagged")]
public interface IAllianceFlagged
{
    /// <summary>The alliance in whose name the nation acts.</summary>
    string Alliance { get; }

    /// <summary>The kind of decision that must have passed.</summary>
    DecisionKind DecisionKind { get; }

    /// <summary>What the decision must be about: the host nation of a deployment, the words of a statement.</summary>
    string Subject { get; }
}

/// <summary>Forces deployed to <paramref name="Nation"/> as part of a joint deployment the alliance decided on.</summary>
[GenerateSerializer, Alias("Nations.JointDeployment"), Immutable]
public sealed record JointDeployment(string Alliance, string Nation) : NationAction, IAllianceFlagged
{
    public override string? TargetNation() => Nation;

    [JsonIgnore]
    public DecisionKind DecisionKind => DecisionKind.JointDeployment;

    [JsonIgnore]
    public string Subject => Nation;
}

/// <summary>A public statement in the alliance's name, in the words the alliance agreed.</summary>
[GenerateSerializer, Alias("Nations.CollectiveStatement"), Immutable]
public sealed record CollectiveStatement(string Alliance, string Text) : NationAction, IAllianceFlagged
{
    [JsonIgnore]
    public DecisionKind DecisionKind => DecisionKind.CollectiveStatement;

    [JsonIgnore]
    public string Subject => Text;
}
