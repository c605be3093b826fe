// /console/prevention/coverage: the period picker, the district map with a figure switch and
// the same figures as a sortable table, the chosen district's figures, the figures for reports
// with their CSV download, and the municipalities with no activity in the last twelve months.
// The period, the figure and the chosen district live in the address, so a view can be shared.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { DISTRICTS, localName } from '../../../../common/geography';
import { ErrorAlert } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { useLanguage } from '../../i18n';
import { useLoad } from '../../useLoad';
import { calendarDay } from '../../helpline/format';
import { coverageApi, type CoverageResponse, type Period } from './api';
import { DistrictTable, FIGURE_COLUMNS } from './DistrictTable';
import { FiguresPanel } from './FiguresPanel';
import { InactiveList } from './InactiveList';
import { PeriodPicker } from './PeriodPicker';
import { SerbiaMap } from './SerbiaMap';
import { formatCount, isDay, thisYear } from './format';
import './coverage.css';

const MAP_FIGURES = ['eventsHeld', 'peopleReached'] as const;
type MapFigure = (typeof MAP_FIGURES)[number];

export function CoverageSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const fallback = useMemo(() => thisYear(), []);
  const period: Period = {
    from: isDay(params.get('from')) ? params.get('from')! : fallback.from,
    to: isDay(params.get('to')) ? params.get('to')! : fallback.to,
  };
  const figure: MapFigure = params.get('figure') === 'peopleReached' ? 'peopleReached' : 'eventsHeld';
  const selectedDistrictId = params.get('district');

  const update = useCallback(
    (changes: Record<string, string | null>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const coverage = useLoad(() => coverageApi.coverage(period), [period.from, period.to]);
  const figures = useLoad(() => coverageApi.figures(period), [period.from, period.to]);
  const inactive = useLoad(() => coverageApi.inactive(), []);
  const error = coverage.error ?? figures.error;

  return (
    <Screen title={t('prevention.nav.coverage')} headingTestId="coverage-heading">
      <p>{t('prevention.coverage.intro')}</p>
      <PeriodPicker period={period} error={error} onChange={(next) => update({ from: next.from, to: next.to })} />
      <p role="status" data-testid="coverage-period">
        {t('prevention.coverage.period.showing', { from: calendarDay(period.from, language), to: calendarDay(period.to, language) })}
      </p>
      <ErrorAlert error={error} knownFields={['from', 'to']} />
      {coverage.data ? (
        <CoverageMap
          coverage={coverage.data}
          period={period}
          figure={figure}
          selectedDistrictId={selectedDistrictId}
          onFigure={(next) => update({ figure: next })}
          onSelect={(districtId) => update({ district: districtId })}
        />
      ) : (
        !error && <p role="status">{t('prevention.coverage.loading')}</p>
      )}
      {figures.data && <FiguresPanel figures={figures.data} period={period} />}
      {inactive.error && <ErrorAlert error={inactive.error} />}
      {inactive.data && <InactiveList inactive={inactive.data} />}
    </Screen>
  );
}

function CoverageMap(props: {
  coverage: CoverageResponse;
  period: Period;
  figure: MapFigure;
  selectedDistrictId: string | null;
  onFigure: (figure: MapFigure) => void;
  onSelect: (districtId: string) => void;
}) {
  const { coverage, period, figure, selectedDistrictId, onFigure, onSelect } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const values = useMemo(() => Object.fromEntries(coverage.districts.map((d) => [d.districtId, d[figure]])), [coverage, figure]);
  const figureName = t(`prevention.coverage.figureNames.${figure}`);
  const selected = coverage.districts.find((d) => d.districtId === selectedDistrictId) ?? null;
  const district = DISTRICTS.find((d) => d.id === selected?.districtId);

  return (
    <>
      <section aria-labelledby="coverage-map-heading">
        <h2 id="coverage-map-heading">{t('prevention.coverage.map.heading')}</h2>
        <fieldset className="figure-switch">
          <legend>{t('prevention.coverage.map.figure')}</legend>
          {MAP_FIGURES.map((option) => (
            <label key={option}>
              <input type="radio" name="figure" value={option} checked={figure === option} onChange={() => onFigure(option)} />
              {t(`prevention.coverage.columns.${option}`)}
            </label>
          ))}
        </fieldset>
        <p className="hint">{t('prevention.coverage.map.hint')}</p>
        <div className="coverage-map-layout">
          <SerbiaMap
            title={t('prevention.coverage.map.title', { figure: figureName, from: calendarDay(period.from, language), to: calendarDay(period.to, language) })}
            values={values}
            valueLabel={figureName}
            selectedDistrictId={selectedDistrictId}
            onDistrictSelect={onSelect}
          />
          <div className="district-panel" aria-live="polite" data-testid="district-panel">
            {selected && district ? (
              <>
                <h3>
                  {t('prevention.coverage.map.selected')}: {localName(district, language)}
                </h3>
                <dl className="facts">
                  {FIGURE_COLUMNS.map((column) => (
                    <div key={column} className="facts-row">
                      <dt>{t(`prevention.coverage.columns.${column}`)}</dt>
                      <dd>{formatCount(selected[column], language)}</dd>
                    </div>
                  ))}
                </dl>
              </>
            ) : (
              <p>{t('prevention.coverage.map.selectPrompt')}</p>
            )}
          </div>
        </div>
      </section>
      <section>
        <h2>{t('prevention.coverage.table.heading')}</h2>
        <DistrictTable coverage={coverage} selectedDistrictId={selectedDistrictId} onSelect={onSelect} />
      </section>
    </>
  );
}
