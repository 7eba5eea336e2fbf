namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// What the section readers learn that other sections' checks need: declared ids, references to check once
/// everything is declared, and the facts the cross-reference checks compare (who plays which nation, who belongs to
/// which alliance, which inject releases which). Each entry keeps its cursor so a problem points at the right line.
/// </summary>
internal sealed class LoadContext(ProblemList problems)
{
    public ProblemList Problems { get; } = problems;

    public ReferenceTable References { get; } = new();

    /// <summary>The clock's last turn, if it has one: an inject scheduled after it would never fire.</summary>
    public int? MaxTurns { get; set; }

    public List<(string Code, NationControl Control, NodeCursor Where)> Nations { get; } = [];

    public List<(string Id, string Nation, NodeCursor NationWhere)> Teams { get; } = [];

    public Dictionary<string, IReadOnlyList<string>> AllianceMembers { get; } = new(StringComparer.Ordinal);

    /// <summary>promptConsultation triggers: the nation must belong to the alliance it is prompted to consult.</summary>
    public List<(string Nation, string Alliance, NodeCursor Where)> ConsultationPrompts { get; } = [];

    /// <summary>Parties named by talks (standing or opened by an inject): each must be a nation or an alliance.</summary>
    public List<(string Code, NodeCursor Where)> TalksParties { get; } = [];

    /// <summary>Mediators named by talks: a mediator may not be a party, nor a member of an alliance that is one.</summary>
    public List<(Negotiations.TalksDefinition Talks, NodeCursor Where)> Mediators { get; } = [];

    /// <summary>release triggers, as edges of the graph that must stay free of cycles.</summary>
    public List<(string From, string To, NodeCursor Where)> Releases { get; } = [];
}
