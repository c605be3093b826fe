// The campaigns, newest first, each with its reach figures (computed by the server from its
// held events and online actions).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { TableWrap } from '../../components/TableWrap';
import { useLanguage } from '../../i18n';
import { useUser } from '../../session';
import { useLoad } from '../../useLoad';
import { campaignsApi } from './api';
import { formatCount, inScript, periodText } from './format';

export function CampaignList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useUser();
  const campaigns = useLoad(() => campaignsApi.list(), []);
  const rows = campaigns.data ?? [];
  return (
    <Screen title={t('prevention.campaigns.list.title')} headingTestId="campaigns-heading">
      {me.abilities['campaigns.manage'] && (
        <p>
          <Link to="new" className="button button-primary" data-testid="new-campaign">
            {t('prevention.campaigns.list.new')}
          </Link>
        </p>
      )}
      <ErrorAlert error={campaigns.error} />
      {campaigns.isLoading && <p role="status">{t('console.loading')}</p>}
      {!campaigns.isLoading && !campaigns.error && rows.length === 0 && <p>{t('prevention.campaigns.list.empty')}</p>}
      {rows.length > 0 && (
        <TableWrap label={t('prevention.campaigns.list.caption')}>
          <table className="campaign-table">
            <caption>{t('prevention.campaigns.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('prevention.campaigns.list.columns.name')}</th>
                <th scope="col">{t('prevention.campaigns.list.columns.period')}</th>
                <th scope="col" className="number">{t('prevention.campaigns.list.columns.reached')}</th>
                <th scope="col" className="number">{t('prevention.campaigns.list.columns.held')}</th>
                <th scope="col" className="number">{t('prevention.campaigns.list.columns.municipalities')}</th>
                <th scope="col" className="number">{t('prevention.campaigns.list.columns.online')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} data-testid="campaign-row">
                  <th scope="row">
                    <Link to={c.id}>{inScript(c.name, language)}</Link>
                  </th>
                  <td>{periodText(t, c, language)}</td>
                  <td className="number">{formatCount(c.figures.peopleReached, language)}</td>
                  <td className="number">{formatCount(c.figures.eventsHeld, language)}</td>
                  <td className="number">{formatCount(c.figures.municipalitiesCovered, language)}</td>
                  <td className="number">{formatCount(c.figures.onlineActions, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Screen>
  );
}
