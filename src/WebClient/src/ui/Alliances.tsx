// The alliance screens live in ui/alliances/, one small component per file; this keeps the existing imports working.
export { AlliancesPanel } from "./alliances/AlliancesPanel";
export { ALLIANCE_COMMANDS } from "./alliances/allianceCommands";
