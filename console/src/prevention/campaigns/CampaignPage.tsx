// One campaign: its reach figures (computed by the server from held events and online actions),
// what it is about and who it works with, the tour, its other events and its online actions.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { TableWrap } from '../../components/TableWrap';
import { useLanguage } from '../../i18n';
import { NotFound } from '../../screens/NotFound';
import { useUser } from '../../session';
import { useLoad } from '../../useLoad';
import { eventName, eventPlace, eventWhen, STATUS_TAG } from '../events/format';
import { campaignsApi, type Campaign } from './api';
import { formatCount, inScript, periodText } from './format';
import { OnlineActions } from './OnlineActions';
import { TourPanel } from './TourPanel';

const FIGURES = ['peopleReached', 'audienceAtEvents', 'reachedOnline', 'engagements', 'eventsHeld', 'eventsPlanned', 'municipalitiesCovered'] as const;

export function CampaignPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const location = useLocation();
  const me = useUser();
  const campaign = useLoad(() => campaignsApi.read(id), [id]);
  const [notice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);

  if (campaign.error?.status === 404 || campaign.error?.status === 400) return <NotFound />;
  if (!campaign.data) {
    return (
      <Screen title={t('prevention.campaigns.list.title')}>
        <ErrorAlert error={campaign.error} />
        {campaign.isLoading && <p role="status">{t('console.loading')}</p>}
      </Screen>
    );
  }
  const c = campaign.data;
  const canManage = me.abilities['campaigns.manage'];
  return (
    <Screen title={inScript(c.name, language)} headingTestId="campaign-heading">
      <p className="button-row">
        <Link to="/prevention/campaigns">{t('prevention.campaigns.detail.back')}</Link>
        {canManage && (
          <Link to="edit" className="button" data-testid="edit-campaign">
            {t('prevention.campaigns.detail.edit')}
          </Link>
        )}
      </p>
      <StatusMessage message={notice} />
      <ErrorAlert error={campaign.error} />

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t('prevention.campaigns.figures.title')}</h2>
        <dl className="campaign-figures" data-testid="campaign-figures">
          {FIGURES.map((name) => (
            <div key={name} className={name === 'peopleReached' ? 'campaign-figure campaign-figure-main' : 'campaign-figure'}>
              <dt>{t(`prevention.campaigns.figures.${name}`)}</dt>
              <dd data-testid={`figure-${name}`}>{formatCount(c.figures[name], language)}</dd>
            </div>
          ))}
        </dl>
        <p className="hint">{t('prevention.campaigns.figures.note')}</p>
      </section>

      <section aria-labelledby="about-heading">
        <h2 id="about-heading">{t('prevention.campaigns.detail.facts')}</h2>
        <dl className="facts">
          <dt>{t('prevention.campaigns.detail.period')}</dt>
          <dd>{periodText(t, c, language)}</dd>
          <dt>{t('prevention.campaigns.detail.goal')}</dt>
          <dd className="pre-wrap">{c.goal ? inScript(c.goal, language) : t('prevention.campaigns.detail.noGoal')}</dd>
        </dl>
        <h3>{t('prevention.campaigns.detail.partners')}</h3>
        {c.partners.length === 0 ? (
          <p>{t('prevention.campaigns.detail.noPartners')}</p>
        ) : (
          <ul className="campaign-partner-list">
            {c.partners.map((partner, index) => (
              <li key={index}>
                <strong>{inScript(partner.name, language)}</strong> <span className={partner.kind === 'influencer' ? 'tag tag-warn' : 'tag'}>{t(`prevention.codes.partnerKinds.${partner.kind}`)}</span>
                {partner.note && <> — {inScript(partner.note, language)}</>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <TourPanel campaign={c} onPlanned={campaign.reload} />
      <OtherEvents campaign={c} canOpen={me.abilities['events.list']} />
      <OnlineActions campaign={c} canManage={canManage} onChanged={campaign.reload} />
    </Screen>
  );
}

function OtherEvents({ campaign, canOpen }: { campaign: Campaign; canOpen: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const events = campaign.otherEvents;
  return (
    <section aria-labelledby="other-events-heading">
      <h2 id="other-events-heading">{t('prevention.campaigns.otherEvents.title')}</h2>
      {events.length === 0 ? (
        <p>{t('prevention.campaigns.otherEvents.empty')}</p>
      ) : (
        <TableWrap label={t('prevention.campaigns.otherEvents.caption')}>
          <table>
            <caption>{t('prevention.campaigns.otherEvents.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('prevention.campaigns.otherEvents.columns.when')}</th>
                <th scope="col">{t('prevention.campaigns.otherEvents.columns.event')}</th>
                <th scope="col">{t('prevention.campaigns.otherEvents.columns.place')}</th>
                <th scope="col">{t('prevention.campaigns.otherEvents.columns.status')}</th>
                <th scope="col" className="number">{t('prevention.campaigns.otherEvents.columns.audience')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td>
                    <time dateTime={event.startsAt}>{eventWhen(t, event, language)}</time>
                  </td>
                  <th scope="row">{canOpen ? <Link to={`/prevention/events/${event.id}`}>{eventName(t, event, language)}</Link> : eventName(t, event, language)}</th>
                  <td>{eventPlace(event, language)}</td>
                  <td>
                    <span className={STATUS_TAG[event.status]}>{t(`prevention.codes.eventStatuses.${event.status}`)}</span>
                  </td>
                  <td className="number">{event.audience === null ? t('console.common.none') : formatCount(event.audience, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
