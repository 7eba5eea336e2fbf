namespace CrisisGrid.Grains.Tests.Scenarios;

/// <summary>Small scenario texts for focused tests: a valid minimum to add one part to.</summary>
internal static class ScenarioYaml
{
    public const string Header = """
        format: crisisgrid/scenario
        version: 1
        id: test
        title: Test
        clock:
          start: 2031-03-01T06:00:00Z

        """;

    public const string Indices = "{militaryStrength: 10, readiness: 20, economy: 30, domesticStability: 40, publicSupport: 50, internationalStanding: 60}";

    /// <summary>Two team-played nations and a facilitator nation, with teams; <paramref name="rest"/> follows.</summary>
    public static string WithNations(string rest = "") => Header + $$"""
        nations:
          - {code: ARD, name: Ardenia, indices: {{Indices}}}
          - {code: BOR, name: Borovia, indices: {{Indices}}}
          - {code: CAL, name: Calderra, control: facilitator, indices: {{Indices}}}
        teams:
          - {id: ardenia, name: Ardenians, nation: ARD}
          - {id: borovia, name: Borovians, nation: BOR}

        """ + rest;
}
