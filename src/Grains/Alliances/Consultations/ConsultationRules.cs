using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// Consultation (Art. 4): a member that feels threatened requests it; the alliance convenes when a second member or
/// exercise control convenes it, or by itself at the charter's convene-by deadline; every member notified records a
/// position until the positions deadline (or until all have).
/// </summary>
public static partial class AllianceRules
{
    public static Decision RequestConsultation(AllianceState state, Participant actor, RequestConsultation command, DateTimeOffset now) =>
        Decide(state, now, s =>
        {
            var refused = AllianceAccess.ActAs(s, actor, command.Member, "request consultations")
                ?? AllianceValidation.NewId(command.ConsultationId, "consultationId", s.Consultations.ContainsKey, "consultation");
            if (refused is not null)
            {
                return refused;
            }

            if (string.IsNullOrWhiteSpace(command.InjectId) && string.IsNullOrWhiteSpace(command.Threat))
            {
                return Decision.Reject(RejectionCodes.InvalidArgument, "A request for consultations cites the threat: an inject or a description of another nation's action.",
                    "threat", "an inject id, a description, or both");
            }

            refused = AllianceValidation.Text(command.InjectId, "injectId", "The inject id", AllianceValidation.MaxIdLength, required: false)
                ?? AllianceValidation.Text(command.Threat, "threat", "The threat", required: false);
            if (refused is not null)
            {
                return refused;
            }

            // Every member in good standing is notified now, and owes a position once the alliance convenes.
            var terms = s.Charter.Consultation;
            return Decision.Accept(AllianceAudience.ToMembers(s, new ConsultationRequested(
                command.ConsultationId,
                command.Member,
                Trimmed(command.InjectId),
                Trimmed(command.Threat),
                now,
                now + terms.ConveneWithin,
                [.. s.ActiveMembers])));
        });

    public static Decision ConveneConsultation(AllianceState state, Participant actor, ConveneConsultation command, DateTimeOffset now) =>
        Decide(state, now, s =>
        {
            var refused = command.Member is null
                ? AllianceAccess.Chair(s, actor, "convene a consultation")
                : AllianceAccess.ActAs(s, actor, command.Member, "convene consultations");
            if (refused is not null)
            {
                return refused;
            }

            if (!s.Consultations.TryGetValue(command.ConsultationId, out var consultation))
            {
                return UnknownConsultation(s, command.ConsultationId);
            }

            if (consultation.Status != ConsultationStatus.Requested)
            {
                return Decision.Reject(RejectionCodes.InvalidState,
                    $"Consultation {consultation.Id} already convened at {consultation.ConvenedAt:u} ({Describe(consultation.ConvenedBy)}).", "consultationId");
            }

            if (command.Member == consultation.RequestedBy)
            {
                return Decision.Reject(RejectionCodes.InvalidArgument,
                    $"{command.Member} requested consultation {consultation.Id}; a second member (or exercise control) convenes it.", "member",
                    AllianceValidation.List(s.ActiveMembers.Where(m => m != consultation.RequestedBy)));
            }

            var by = command.Member is null ? ConvenedBy.ExerciseControl : ConvenedBy.Member;
            return Decision.Accept(AllianceAudience.ToMembers(s, new ConsultationConvened(
                consultation.Id, by, command.Member, now, now + s.Charter.Consultation.PositionsDueWithin)));
        });

    public static Decision RecordPosition(AllianceState state, Participant actor, RecordPosition command, DateTimeOffset now) =>
        Decide(state, now, s =>
        {
            var refused = AllianceAccess.ActAs(s, actor, command.Member, "record positions");
            if (refused is not null)
            {
                return refused;
            }

            if (!s.Consultations.TryGetValue(command.ConsultationId, out var consultation))
            {
                return UnknownConsultation(s, command.ConsultationId);
            }

            switch (consultation.Status)
            {
                case ConsultationStatus.Requested:
                    return Decision.Reject(RejectionCodes.InvalidState,
                        $"Consultation {consultation.Id} has not convened yet: a second member or exercise control convenes it, or the charter does at {consultation.ConveneBy:u}.",
                        "consultationId");
                case ConsultationStatus.Concluded:
                    return Decision.Reject(RejectionCodes.InvalidState, $"Consultation {consultation.Id} concluded at {consultation.Outcome!.At:u}.", "consultationId");
            }

            if (!consultation.Notified.Contains(command.Member, StringComparer.Ordinal))
            {
                return Decision.Reject(AllianceRejectionCodes.NotEligible,
                    $"{command.Member} was not a member in good standing when consultation {consultation.Id} was requested.", "member",
                    AllianceValidation.List(AllianceSettlement.Expected(s, consultation)));
            }

            if (consultation.Positions.TryGetValue(command.Member, out var earlier))
            {
                return Decision.Reject(AllianceRejectionCodes.AlreadyRecorded,
                    $"{command.Member} already recorded its position ({Name(earlier.Kind)}) at {earlier.At:u}.", "position");
            }

            refused = AllianceValidation.Text(command.Text, "text", "A statement's text", required: command.Position == PositionKind.Statement);
            if (refused is not null)
            {
                return refused;
            }

            return Decision.Accept(AllianceAudience.ToMembers(s, new PositionRecorded(consultation.Id, command.Member, command.Position, Trimmed(command.Text), now)));
        });

    private static Decision UnknownConsultation(AllianceState state, string id) =>
        Decision.Reject(RejectionCodes.NotFound, $"No consultation '{id}' in {state.Code}.", "consultationId",
            AllianceValidation.List(state.Consultations.Values.Where(c => c.Status != ConsultationStatus.Concluded).Select(c => c.Id)));

    private static string Describe(ConvenedBy? by) => by switch
    {
        ConvenedBy.Member => "by a member",
        ConvenedBy.ExerciseControl => "by exercise control",
        ConvenedBy.CharterDeadline => "at the charter's deadline",
        _ => "convened",
    };

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Name<T>(T value)
        where T : struct, Enum => JsonName(value.ToString());
}
