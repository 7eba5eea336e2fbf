using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;
using FsCheck;
using FsCheck.Fluent;

namespace CrisisGrid.Grains.Tests.Support;

/// <summary>A random exercise session: what exercise control and the teams do, in order. Many steps will be refused.</summary>
internal abstract record EngineStep
{
    public abstract Task Run(EngineDriver driver);
}

internal sealed record AdvanceStep : EngineStep
{
    public override Task Run(EngineDriver driver) => driver.Exercise.Advance(driver.Control(), new AdvancePhase());
}

internal sealed record OrderStep(string Nation, NationAction Action) : EngineStep
{
    public override Task Run(EngineDriver driver) => driver.Order(Nation, Action);
}

internal sealed record ReleaseStep(string InjectId) : EngineStep
{
    public override Task Run(EngineDriver driver) => driver.Exercise.ReleaseInject(driver.Control(), new ReleaseInject(InjectId));
}

internal sealed record NewsStep(string Nation, int Support) : EngineStep
{
    public override Task Run(EngineDriver driver) =>
        driver.Exercise.PublishNews(driver.Control(), new PublishNews("Headline", "Body", ImmutableDictionary<string, int>.Empty.Add(Nation, Support)));
}

internal sealed record AdjustStep(string Nation, NationIndex Index, int Delta) : EngineStep
{
    public override Task Run(EngineDriver driver) =>
        driver.Exercise.AdjustNation(driver.Control(), new AdjustNation(NationDelta.None(Nation).AddIndex(Index, Delta), "Exercise control decided"));
}

internal sealed record PauseResumeStep(bool Pause) : EngineStep
{
    public override Task Run(EngineDriver driver) => Pause ? driver.Exercise.Pause(driver.Control()) : driver.Exercise.Resume(driver.Control());
}

internal static class EngineSteps
{
    private static readonly string[] Nations = ["ARD", "BOR", "CAL", "DUN"];

    public static Gen<EngineStep> Step
    {
        get
        {
            var nation = Gen.Elements(Nations);
            return Gen.Frequency(
                (5, Gen.Constant<EngineStep>(new AdvanceStep())),
                (6, from code in nation from action in ActionFor(code) select (EngineStep)new OrderStep(code, action)),
                (1, Gen.Elements("refugee-flow", "cyber-attack", "border-incident").Select(id => (EngineStep)new ReleaseStep(id))),
                (1, from code in nation from support in Gen.Choose(-20, 20) select (EngineStep)new NewsStep(code, support)),
                (1, from code in nation from index in Gen.Elements(Enum.GetValues<NationIndex>()) from delta in Gen.Choose(-60, 60)
                    select (EngineStep)new AdjustStep(code, index, delta)),
                (1, Gen.Elements(true, false).Select(pause => (EngineStep)new PauseResumeStep(pause))));
        }
    }

    public static Gen<ImmutableArray<EngineStep>> Session =>
        Gen.ListOf(Step).Select(steps => steps.Take(40).ToImmutableArray());

    // Generators.Action uses the rule-test codes; the sample scenario has its own.
    private static Gen<NationAction> ActionFor(string code)
    {
        var others = Nations.Where(c => c != code).ToArray();
        var target = Gen.Elements(others);
        return Gen.OneOf(
            Gen.Constant<NationAction>(new Mobilise()),
            Gen.Constant<NationAction>(new StandDown()),
            Gen.Constant<NationAction>(new Hold()),
            target.Select(t => (NationAction)new ImposeSanctions(t)),
            target.Select(t => (NationAction)new LiftSanctions(t)),
            target.Select(t => (NationAction)new CyberOperation(t)),
            target.Select(t => (NationAction)new HumanitarianAid(t)),
            target.Select(t => (NationAction)new DeployForces(DeploymentArea.Border, t)),
            from t in target from tone in Gen.Elements(Enum.GetValues<StatementTone>()) select (NationAction)new PublicStatement(tone, "We speak.", t),
            from t in target from announced in Gen.Elements(true, false) select (NationAction)new JointExercise(t, announced));
    }
}
