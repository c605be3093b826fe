// Municipalities with no held event and no confirmed peer session in the last twelve months
// (Belgrade by its city municipalities), by district, with the date of the last activity.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DISTRICTS, localName, unitName } from '../../../../common/geography';
import type { InactiveMunicipalitiesResponse } from '../../../../common/schemas/prevention/coverage';
import { TableWrap } from '../../components/TableWrap';
import { useLanguage } from '../../i18n';
import { calendarDay } from '../../helpline/format';

/** A longer list starts folded, so the figures above it stay in view. */
const OPEN_UP_TO = 20;

export function InactiveList({ inactive }: { inactive: InactiveMunicipalitiesResponse }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = useMemo(() => {
    const districtNames = new Map(DISTRICTS.map((d) => [d.id, localName(d, language)]));
    return inactive.municipalities
      .map((m) => ({ ...m, name: unitName(m.municipalityId, language), district: districtNames.get(m.districtId) ?? m.districtId }))
      .sort((a, b) => a.district.localeCompare(b.district, language) || a.name.localeCompare(b.name, language));
  }, [inactive, language]);

  return (
    <section>
      <h2>{t('prevention.coverage.inactive.heading')}</h2>
      <p>{t('prevention.coverage.inactive.intro', { since: calendarDay(inactive.since, language) })}</p>
      {rows.length === 0 ? (
        <p>{t('prevention.coverage.inactive.none')}</p>
      ) : (
        <details className="coverage-inactive" open={rows.length <= OPEN_UP_TO} data-testid="inactive-list">
          <summary data-testid="inactive-count">{t('prevention.coverage.inactive.count', { count: rows.length, total: inactive.unitsConsidered })}</summary>
          <TableWrap label={t('prevention.coverage.inactive.heading')}>
            <table data-testid="inactive-table">
              <thead>
                <tr>
                  <th scope="col">{t('prevention.coverage.inactive.municipality')}</th>
                  <th scope="col">{t('prevention.coverage.inactive.district')}</th>
                  <th scope="col">{t('prevention.coverage.inactive.lastActivity')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.municipalityId} data-municipality={row.municipalityId}>
                    <th scope="row">{row.name}</th>
                    <td>{row.district}</td>
                    <td>{row.lastActivityOn ? calendarDay(row.lastActivityOn, language) : <span className="muted">{t('prevention.coverage.inactive.never')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </details>
      )}
    </section>
  );
}
