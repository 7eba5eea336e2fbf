import { describe, expect, it } from "vitest";
import { atOffset, formatSimulated, offsetLabel, offsetOf } from "../../src/state/simulatedTime";

describe("simulated time in the scenario's offset", () => {
  it("shows a time in the offset the scenario wrote it in, with the offset as its label", () => {
    expect(formatSimulated("2032-10-14T05:00:00+02:00")).toBe("14 Oct 2032, 05:00 UTC+02:00");
    expect(formatSimulated("2032-10-13T23:30:00-03:30")).toBe("13 Oct 2032, 23:30 UTC−03:30");
  });

  it("says UTC when the scenario's clock is in UTC or names no offset", () => {
    expect(formatSimulated("2031-03-01T06:00:00Z")).toBe("1 Mar 2031, 06:00 UTC");
    expect(formatSimulated("2031-03-01T06:00:00+00:00")).toBe("1 Mar 2031, 06:00 UTC");
    expect(formatSimulated(null)).toBe("—");
  });

  it("does not depend on the browser's time zone: a local midnight stays on its own date", () => {
    expect(formatSimulated("2032-10-15T00:30:00+05:00")).toBe("15 Oct 2032, 00:30 UTC+05:00");
  });

  it("reads offsets with and without a colon, and none", () => {
    expect(offsetOf("2032-10-14T05:00:00+02:00")).toBe(120);
    expect(offsetOf("2032-10-14T05:00:00-0330")).toBe(-210);
    expect(offsetOf("2032-10-14T05:00:00.000Z")).toBe(0);
    expect(offsetOf("2032-10-14T05:00:00")).toBeNull();
    expect(offsetLabel(-210)).toBe("UTC−03:30");
  });

  it("writes an instant in an offset as the same instant", () => {
    const ms = Date.parse("2032-10-14T03:00:00Z");
    expect(atOffset(ms, 120)).toBe("2032-10-14T05:00:00+02:00");
    expect(Date.parse(atOffset(ms, -210))).toBe(ms);
    expect(atOffset(ms, 0)).toBe("2032-10-14T03:00:00Z");
  });
});
