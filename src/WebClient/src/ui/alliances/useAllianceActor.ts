import { useExercise } from "../common";

/**
 * Who may act in an alliance from this screen: nobody once the exercise has ended, never an observer (not even once
 * the review shows everything), a team for its own nation, exercise control for the members it plays.
 */
export function useMayAct(): boolean {
  const { state } = useExercise();
  return state.viewer.role !== "observer" && state.exercise.status !== "ended";
}
