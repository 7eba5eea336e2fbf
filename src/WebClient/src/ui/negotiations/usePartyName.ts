import { useCallback } from "react";
import { useExercise } from "../common";

/** A party's name: a nation's, or an alliance's (parties may be either). */
export function usePartyName(): (code: string) => string {
  const { state, name } = useExercise();
  return useCallback((code: string) => state.alliances.find((a) => a.code === code)?.name ?? name(code), [state.alliances, name]);
}
