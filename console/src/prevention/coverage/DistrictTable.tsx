// The map's figures as a table, for everyone who cannot use the map: every district, every
// figure, a total; sortable by any column; choosing a district's name selects it as on the map.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISTRICTS, localName } from '../../../../common/geography';
import type { CoverageResponse } from '../../../../common/schemas/prevention/coverage';
import { TableWrap } from '../../components/TableWrap';
import { useLanguage } from '../../i18n';
import { formatCount } from './format';

export const FIGURE_COLUMNS = ['eventsHeld', 'peopleReached', 'pupils', 'parents', 'teachers', 'otherAttendees', 'schoolsVisited', 'peerSessions', 'peersReached'] as const;
type Column = 'district' | (typeof FIGURE_COLUMNS)[number];

export function DistrictTable({ coverage, selectedDistrictId, onSelect }: { coverage: CoverageResponse; selectedDistrictId: string | null; onSelect: (districtId: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [sort, setSort] = useState<{ column: Column; isDescending: boolean }>({ column: 'district', isDescending: false });
  const names = useMemo(() => new Map(DISTRICTS.map((d) => [d.id, localName(d, language)])), [language]);
  const nameOf = (id: string) => names.get(id) ?? id;

  const rows = useMemo(() => {
    const name = (id: string) => names.get(id) ?? id;
    const byName = [...coverage.districts].sort((a, b) => name(a.districtId).localeCompare(name(b.districtId), language));
    if (sort.column === 'district') return sort.isDescending ? byName.reverse() : byName;
    const column = sort.column;
    // Equal figures keep the order of the names.
    return byName.sort((a, b) => (sort.isDescending ? b[column] - a[column] : a[column] - b[column]));
  }, [coverage, sort, names, language]);

  const sortBy = (column: Column) =>
    setSort((current) => (current.column === column ? { column, isDescending: !current.isDescending } : { column, isDescending: column !== 'district' }));
  const heading = (column: Column) => {
    const isSorted = sort.column === column;
    return (
      <th key={column} scope="col" aria-sort={isSorted ? (sort.isDescending ? 'descending' : 'ascending') : undefined}>
        <button type="button" className="sort-button" onClick={() => sortBy(column)}>
          {t(`prevention.coverage.columns.${column}`)}
          {isSorted && (
            <>
              {' '}
              <span aria-hidden="true">{sort.isDescending ? '▼' : '▲'}</span>
              <span className="visually-hidden-label">({t(sort.isDescending ? 'prevention.coverage.table.sortDescending' : 'prevention.coverage.table.sortAscending')})</span>
            </>
          )}
        </button>
      </th>
    );
  };

  return (
    <TableWrap label={t('prevention.coverage.table.heading')}>
      <table className="coverage-table" data-testid="district-table">
        <caption className="visually-hidden-label">{t('prevention.coverage.table.caption')}</caption>
        <thead>
          <tr>
            {heading('district')}
            {FIGURE_COLUMNS.map(heading)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const isSelected = row.districtId === selectedDistrictId;
            return (
              <tr key={row.districtId} className={isSelected ? 'row-selected' : undefined} data-district={row.districtId}>
                <th scope="row">
                  <button type="button" className="link-button" aria-pressed={isSelected} onClick={() => onSelect(row.districtId)}>
                    {nameOf(row.districtId)}
                  </button>
                </th>
                {FIGURE_COLUMNS.map((column) => (
                  <td key={column}>{formatCount(row[column], language)}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('prevention.coverage.table.total')}</th>
            {FIGURE_COLUMNS.map((column) => (
              <td key={column}>{formatCount(coverage.totals[column], language)}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </TableWrap>
  );
}
