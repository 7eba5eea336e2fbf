import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, type Column } from "../../src/ui/common/DataTable";

interface Code {
  id: string;
  label: string;
  joins: number;
}

const columns: Column<Code>[] = [
  { header: "Label", rowHeader: true, cell: (c) => c.label },
  { header: "Joins", numeric: true, cell: (c) => c.joins, cellClass: (c) => (c.joins > 1 ? "hot" : undefined) },
  { header: "Actions", hideHeader: true, cell: () => <button type="button">Revoke</button> },
];
const rows: Code[] = [
  { id: "c1", label: "Ardenia team", joins: 2 },
  { id: "c2", label: "Observers", joins: 0 },
];

describe("the shared console table", () => {
  it("shows the empty message instead of a table when there are no rows", () => {
    const markup = renderToStaticMarkup(<DataTable testId="codes" columns={columns} rows={[]} rowKey={(c) => c.id} empty="No codes yet." />);
    expect(markup).toBe('<p class="empty">No codes yet.</p>');
  });

  it("keeps the headers of an empty table when no empty message is given", () => {
    const markup = renderToStaticMarkup(<DataTable testId="codes" columns={columns} rows={[]} rowKey={(c) => c.id} />);
    expect(markup).toContain('data-testid="codes"');
    expect(markup).toContain("<thead><tr><th scope=\"col\">Label</th>");
    expect(markup).toContain("<tbody></tbody>");
  });

  it("puts the test hooks on the table and its rows, and a detail row spans every column", () => {
    const markup = renderToStaticMarkup(
      <DataTable
        testId="codes"
        caption="Join codes"
        columns={columns}
        rows={rows}
        rowKey={(c) => c.id}
        rowAttributes={(c) => ({ "data-code": c.id })}
        detail={(c) => (c.id === "c1" ? { content: <form aria-label="Edit" />, attributes: { className: "override-row", "data-override": c.id } } : null)}
      />,
    );
    expect(markup).toMatch(/^<div class="table-wrap"><table data-testid="codes"><caption>Join codes<\/caption>/);
    expect(markup).toContain('<tr data-code="c1"><th scope="row">Ardenia team</th><td class="num hot">2</td>');
    expect(markup).toContain('<tr class="override-row" data-override="c1"><td colSpan="3"><form aria-label="Edit"></form></td></tr>');
    expect(markup).toContain('<tr data-code="c2"><th scope="row">Observers</th><td class="num">0</td>');
    expect(markup.match(/override-row/g)).toHaveLength(1);
  });

  it("reads a hidden header to screen readers only", () => {
    const markup = renderToStaticMarkup(<DataTable columns={columns} rows={rows} rowKey={(c) => c.id} scroll={false} />);
    expect(markup).toMatch(/^<table>/);
    expect(markup).toContain('<th scope="col"><span class="visually-hidden">Actions</span></th>');
    expect(markup).toContain('<th scope="col" class="num">Joins</th>');
  });
});
