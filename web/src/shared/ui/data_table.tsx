import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Extra classes for this column's cells and header (width, wrapping). */
  className?: string;
}

interface DataTableProps<Row> {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
}

/**
 * Rows of data: a table on wide screens, and on phones and tablets a list of
 * cards, each row's values labelled with the column names, because a wide
 * table squeezed into 360px is unreadable. Only one of the two is displayed
 * at a time, so assistive technology meets the data once.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  return (
    <>
      <CardList {...props} />
      <WideTable {...props} />
    </>
  );
}

function CardList<Row>({ caption, columns, rows, rowKey }: DataTableProps<Row>) {
  return (
    <ul aria-label={caption} className="flex flex-col gap-3 desktop-admin:hidden">
      {rows.map((row) => (
        <li key={rowKey(row)} className="rounded-8 border border-solid-gray-420 bg-white p-4">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-std-16N-170">
            {columns.map((column) => (
              <Fragment key={column.header}>
                <dt className="text-dns-16B-130 leading-170 text-solid-gray-700">{column.header}</dt>
                <dd className="text-solid-gray-900">{column.cell(row)}</dd>
              </Fragment>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}

function WideTable<Row>({ caption, columns, rows, rowKey }: DataTableProps<Row>) {
  const { t } = useTranslation();
  // Focusable and named so keyboard users can scroll it if it ever overflows (WCAG 2.1.1).
  return (
    <div
      role="region"
      aria-label={t('table.scrollRegion', { caption })}
      tabIndex={0}
      className="hidden overflow-x-auto rounded-8 border border-solid-gray-420 desktop-admin:block"
    >
      <table className="w-full border-collapse text-left text-std-16N-170">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-solid-gray-50">
          <tr>
            {columns.map((column) => (
              <th
                key={column.header}
                scope="col"
                className={`border-b border-solid-gray-420 px-4 py-3 text-std-16B-170 text-solid-gray-900 ${column.className ?? ''}`}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-solid-gray-200 last:border-b-0">
              {columns.map((column) => (
                <td key={column.header} className={`px-4 py-3 align-top text-solid-gray-900 ${column.className ?? ''}`}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
