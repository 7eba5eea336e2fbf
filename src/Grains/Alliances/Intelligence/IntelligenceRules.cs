using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;

namespace CrisisGrid.Grains.Alliances;

/// <summary>Intelligence sharing: what one member shares goes to the members in good standing and nobody else.</summary>
public static partial class AllianceRules
{
    public static Decision ShareIntelligence(AllianceState state, Participant actor, ShareIntelligenceReport command, DateTimeOffset now) =>
        Decide(state, now, s =>
        {
            var refused = AllianceAccess.ActAs(s, actor, command.Member, "share intelligence")
                ?? AllianceValidation.NewId(command.ReportId, "reportId", id => s.Intelligence.Exists(r => r.Id == id), "report")
                ?? AllianceValidation.Text(command.Title, "title", "The title", AllianceValidation.MaxTitleLength)
                ?? AllianceValidation.Text(command.Body, "body", "The report", AllianceValidation.MaxBodyLength)
                ?? (command.About is null ? null : AllianceValidation.KnownNation(s, command.About, "about"));
            return refused ?? Decision.Accept(AllianceAudience.ToMembers(s, new IntelligenceShared(
                command.ReportId, command.Member, command.Title.Trim(), command.Body.Trim(), command.About, now)));
        });
}
