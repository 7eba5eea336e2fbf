using System.Collections.Immutable;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// An inject's <c>triggers:</c> — what it sets in motion beyond its effects. Each entry has exactly one key:
/// <c>armedAttack: {attacker, victim}</c>, <c>promptConsultation: {nation, alliance}</c>, <c>release: injectId</c>,
/// <c>opensTalks: {talks}</c> or <c>goodOffices: {talks with a mediator}</c>.
/// </summary>
internal static class TriggerSection
{
    private static readonly string[] Kinds = ["armedAttack", "promptConsultation", "release", "opensTalks", "goodOffices"];
    private static readonly string[] AttackKeys = ["attacker", "victim"];
    private static readonly string[] PromptKeys = ["nation", "alliance"];
    private const string Allowed = "a mapping with one of armedAttack: {attacker, victim}, promptConsultation: {nation, alliance}, release: <inject id>, "
        + "opensTalks: {id, title, parties, mediator?, secret?}, goodOffices: {id, title, parties, mediator, secret?}";

    public static ImmutableArray<InjectTrigger> Read(NodeCursor node, string injectId, LoadContext context)
    {
        if (node.Sequence("a list of triggers") is not { } items)
        {
            return [];
        }

        var triggers = ImmutableArray.CreateBuilder<InjectTrigger>();
        foreach (var item in items)
        {
            if (item.Mapping(Kinds) is not { } trigger || Choice.ExactlyOne(trigger, Kinds, "a trigger", Allowed) is not { } kind)
            {
                continue;
            }

            var value = trigger.Optional(kind)!;
            InjectTrigger? read = kind switch
            {
                "armedAttack" => ReadArmedAttack(value, context),
                "promptConsultation" => ReadPrompt(value, context),
                "opensTalks" => TalksSection.Read(value, context, mediatorRequired: false) is { } talks ? new OpenTalksTrigger(talks) : null,
                "goodOffices" => TalksSection.Read(value, context, mediatorRequired: true) is { } offered ? new OpenTalksTrigger(offered) : null,
                _ => ReadRelease(value, injectId, context),
            };
            if (read is not null)
            {
                triggers.Add(read);
            }
        }

        return triggers.ToImmutable();
    }

    private static ArmedAttackTrigger? ReadArmedAttack(NodeCursor node, LoadContext context)
    {
        if (node.Mapping(AttackKeys) is not { } attack)
        {
            return null;
        }

        var attacker = Nation(attack, "attacker", context);
        var victimCursor = attack.Required("victim", "a nation code");
        var victim = victimCursor?.Text();
        if (victimCursor is null || victim is null)
        {
            return null;
        }

        context.References.Use(Entity.Nation, victim, victimCursor);
        if (victim == attacker)
        {
            victimCursor.Report($"'{victim}' cannot attack itself.", "a victim other than the attacker");
            return null;
        }

        return attacker is null ? null : new ArmedAttackTrigger(attacker, victim);
    }

    private static PromptConsultationTrigger? ReadPrompt(NodeCursor node, LoadContext context)
    {
        if (node.Mapping(PromptKeys) is not { } prompt)
        {
            return null;
        }

        var nation = Nation(prompt, "nation", context);
        var allianceCursor = prompt.Required("alliance", "an alliance code");
        var alliance = allianceCursor?.Text();
        if (allianceCursor is null || alliance is null || nation is null)
        {
            return null;
        }

        context.References.Use(Entity.Alliance, alliance, allianceCursor);
        context.ConsultationPrompts.Add((nation, alliance, allianceCursor));
        return new PromptConsultationTrigger(nation, alliance);
    }

    private static ReleaseInjectTrigger? ReadRelease(NodeCursor node, string injectId, LoadContext context)
    {
        if (node.Text("the id of another inject in the msel") is not { } target)
        {
            return null;
        }

        context.References.Use(Entity.Inject, target, node);
        context.Releases.Add((injectId, target, node));
        return new ReleaseInjectTrigger(target);
    }

    private static string? Nation(MappingCursor mapping, string key, LoadContext context)
    {
        var cursor = mapping.Required(key, "a nation code");
        var code = cursor?.Text();
        if (cursor is not null && code is not null)
        {
            context.References.Use(Entity.Nation, code, cursor);
        }

        return code;
    }
}
