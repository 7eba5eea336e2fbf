import { Fragment, type ReactNode } from "react";

/** One column: its header and how a row fills its cell. */
export interface Column<T> {
  /** What the header says; with `hideHeader` it is read by screen readers only (e.g. "Actions"). */
  header: ReactNode;
  hideHeader?: boolean;
  cell: (row: T) => ReactNode;
  /** Right-aligned numbers. */
  numeric?: boolean;
  /** The cell names the row (`<th scope="row">`), e.g. the nation in a table of nations. */
  rowHeader?: boolean;
  /** Extra class for the cell, e.g. a warning colour that depends on the value. */
  cellClass?: (row: T) => string | undefined;
  /** Tooltip for the cell. */
  cellTitle?: (row: T) => string | undefined;
}

/** Attributes put on a row: a class and `data-*` hooks for the browser tests. */
export type RowAttributes = { className?: string } & { [hook: `data-${string}`]: string | number | undefined };

export interface DataTableProps<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  /** A stable key per row (React's reconciliation, never shown). */
  rowKey: (row: T) => string | number;
  /** `data-testid` of the table. */
  testId?: string;
  caption?: ReactNode;
  /** Shown instead of the table when there are no rows; without it an empty table (headers only) is shown. */
  empty?: ReactNode;
  rowAttributes?: (row: T) => RowAttributes;
  /** A full-width row under a row (an inline form, details), or nothing. */
  detail?: (row: T) => { content: ReactNode; attributes?: RowAttributes } | null;
  className?: string;
  /** Wrap in a horizontally scrolling box (default) so wide tables do not break phone layouts. */
  scroll?: boolean;
}

function headerCell<T>(column: Column<T>, index: number) {
  return (
    <th key={index} scope="col" className={column.numeric ? "num" : undefined}>
      {column.hideHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
    </th>
  );
}

function bodyCell<T>(column: Column<T>, row: T, index: number) {
  const className = [column.numeric ? "num" : "", column.cellClass?.(row) ?? ""].filter(Boolean).join(" ") || undefined;
  const props = { className, title: column.cellTitle?.(row) };
  return column.rowHeader ? (
    <th key={index} scope="row" {...props}>
      {column.cell(row)}
    </th>
  ) : (
    <td key={index} {...props}>
      {column.cell(row)}
    </td>
  );
}

/** The one table of the consoles: typed columns, optional caption, empty message and per-row detail rows. */
export function DataTable<T>(props: DataTableProps<T>) {
  const { columns, rows, rowKey, empty } = props;
  if (rows.length === 0 && empty !== undefined) {
    return <p className="empty">{empty}</p>;
  }

  const table = (
    <table data-testid={props.testId} className={props.className}>
      {props.caption && <caption>{props.caption}</caption>}
      <thead>
        <tr>{columns.map(headerCell)}</tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const key = rowKey(row);
          const detail = props.detail?.(row) ?? null;
          return (
            <Fragment key={key}>
              <tr {...props.rowAttributes?.(row)}>{columns.map((c, i) => bodyCell(c, row, i))}</tr>
              {detail && (
                <tr {...detail.attributes}>
                  <td colSpan={columns.length}>{detail.content}</td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
  return props.scroll === false ? table : <div className="table-wrap">{table}</div>;
}
