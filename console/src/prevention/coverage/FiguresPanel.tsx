// The figures for the centre's reports over the chosen period, as small tables: events by
// type, audiences, schools visited and their share of the registry, the knowledge gain from the
// before/after quizzes and peer sessions; with the CSV download of the same figures.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FiguresResponse } from '../../../../common/schemas/prevention/coverage';
import { TableWrap } from '../../components/TableWrap';
import { useLanguage } from '../../i18n';
import { coverageApi, type Period } from './api';
import { formatCount, formatShare } from './format';

function FigureTable({ title, testId, head, isWide = false, children }: { title: string; testId: string; head?: ReactNode; isWide?: boolean; children: ReactNode }) {
  return (
    <div className={isWide ? 'figure-wide' : undefined}>
      <h3>{title}</h3>
      <TableWrap label={title}>
        <table data-testid={testId}>
          {head && <thead>{head}</thead>}
          <tbody>{children}</tbody>
        </table>
      </TableWrap>
    </div>
  );
}

const Row = ({ label, value }: { label: string; value: string }) => (
  <tr>
    <th scope="row">{label}</th>
    <td>{value}</td>
  </tr>
);

export function FiguresPanel({ figures, period }: { figures: FiguresResponse; period: Period }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const k = (key: string) => t(`prevention.coverage.figures.${key}`);
  const n = (value: number) => formatCount(value, language);
  const { audience, schools, knowledge, peers } = figures;
  const points = knowledge.gainPoints === null ? '—' : new Intl.NumberFormat(language, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(knowledge.gainPoints);

  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">{k('heading')}</h2>
      <p>
        <a className="button" href={coverageApi.csvUrl(period, language)} download data-testid="figures-csv" aria-describedby="figures-csv-hint">
          {t('prevention.coverage.csv.download')}
        </a>
      </p>
      <p id="figures-csv-hint" className="hint">
        {t('prevention.coverage.csv.downloadHint')}
      </p>
      <div className="figure-tables">
        <FigureTable
          title={k('events')}
          testId="figures-events"
          head={
            <tr>
              <th scope="col">{k('eventType')}</th>
              <th scope="col">{k('eventsHeld')}</th>
            </tr>
          }
        >
          {figures.eventsByType.map((row) => (
            <Row key={row.type} label={t(`prevention.codes.eventTypes.${row.type}`)} value={n(row.events)} />
          ))}
          <Row label={k('allTypes')} value={n(figures.eventsHeld)} />
          <Row label={k('municipalitiesReached')} value={n(figures.municipalitiesReached)} />
        </FigureTable>
        <FigureTable title={k('audience')} testId="figures-audience">
          <Row label={t('prevention.codes.gradeBands.primary-lower')} value={n(audience.pupilsPrimaryLower)} />
          <Row label={t('prevention.codes.gradeBands.primary-upper')} value={n(audience.pupilsPrimaryUpper)} />
          <Row label={t('prevention.codes.gradeBands.secondary')} value={n(audience.pupilsSecondary)} />
          <Row label={k('pupils')} value={n(audience.pupils)} />
          <Row label={k('parents')} value={n(audience.parents)} />
          <Row label={k('teachers')} value={n(audience.teachers)} />
          <Row label={k('otherAttendees')} value={n(audience.otherAttendees)} />
          <Row label={k('everyone')} value={n(audience.total)} />
        </FigureTable>
        <FigureTable
          title={k('schools')}
          testId="figures-schools"
          isWide
          head={
            <tr>
              <th scope="col">{k('schoolType')}</th>
              <th scope="col">{k('schoolsVisited')}</th>
              <th scope="col">{k('schoolsActive')}</th>
              <th scope="col">{k('schoolsShare')}</th>
            </tr>
          }
        >
          {schools.byType.map((row) => (
            <tr key={row.type}>
              <th scope="row">{t(`prevention.codes.schoolTypes.${row.type}`)}</th>
              <td>{n(row.visited)}</td>
              <td>{n(row.active)}</td>
              <td>{formatShare(row.share, language)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{k('allSchools')}</th>
            <td>{n(schools.visited)}</td>
            <td>{n(schools.active)}</td>
            <td>{formatShare(schools.share, language)}</td>
          </tr>
        </FigureTable>
        <FigureTable title={k('peers')} testId="figures-peers">
          <Row label={k('peerSessions')} value={n(peers.sessions)} />
          <Row label={k('peersReached')} value={n(peers.peersReached)} />
          <Row label={k('activeEducators')} value={n(peers.activeEducators)} />
        </FigureTable>
      </div>
      <div>
        <h3>{k('knowledge')}</h3>
        {knowledge.events === 0 ? (
          <p>{k('noQuizzes')}</p>
        ) : (
          <>
            <p className="hint">{k('knowledgeIntro')}</p>
            <TableWrap label={k('knowledge')}>
              <table data-testid="figures-knowledge">
                <tbody>
                  <Row label={k('quizEvents')} value={n(knowledge.events)} />
                  <Row label={k('answerSheetsBefore')} value={n(knowledge.answerSheetsBefore)} />
                  <Row label={k('answerSheetsAfter')} value={n(knowledge.answerSheetsAfter)} />
                  <Row label={k('correctBefore')} value={formatShare(knowledge.correctBefore, language)} />
                  <Row label={k('correctAfter')} value={formatShare(knowledge.correctAfter, language)} />
                  <Row label={k('gainPoints')} value={points} />
                  <Row label={k('eventsImproved')} value={n(knowledge.eventsImproved)} />
                </tbody>
              </table>
            </TableWrap>
          </>
        )}
      </div>
    </section>
  );
}
