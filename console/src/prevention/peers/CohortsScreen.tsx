// Cohorts of peer educators: the list with how many are in each and certified, and a new cohort.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TextField } from '../../components/Field';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { TableWrap } from '../../components/TableWrap';
import { useLanguage } from '../../i18n';
import { useLoad } from '../../useLoad';
import { peersApi } from './api';
import { belgradeToday, calendarDay } from './format';
import { useCheckedForm } from './useCheckedForm';

export function CohortsScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const cohorts = useLoad(() => peersApi.cohorts(), []);
  const [message, setMessage] = useState<string | null>(null);
  const list = cohorts.data?.cohorts ?? [];
  return (
    <Screen title={t('prevention.peers.cohorts.title')} headingTestId="cohorts-heading">
      <StatusMessage message={message} />
      <ErrorAlert error={cohorts.error} />
      {cohorts.data && list.length === 0 && <p>{t('prevention.peers.cohorts.empty')}</p>}
      {list.length > 0 && (
        <TableWrap label={t('prevention.peers.cohorts.tableLabel')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('prevention.peers.cohorts.columns.name')}</th>
                <th scope="col">{t('prevention.peers.cohorts.columns.period')}</th>
                <th scope="col">{t('prevention.peers.cohorts.columns.educators')}</th>
                <th scope="col">{t('prevention.peers.cohorts.columns.certified')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((cohort) => (
                <tr key={cohort.id}>
                  <th scope="row">
                    <Link to={`..?cohort=${cohort.id}`}>{cohort.name}</Link>
                  </th>
                  <td>
                    {t('prevention.peers.cohorts.period', {
                      from: calendarDay(cohort.startsOn, language),
                      to: cohort.endsOn ? calendarDay(cohort.endsOn, language) : t('prevention.peers.cohorts.ongoing'),
                    })}
                  </td>
                  <td>{cohort.educators}</td>
                  <td>{cohort.certified}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <section aria-labelledby="new-cohort-heading" className="peer-panel">
        <h2 id="new-cohort-heading">{t('prevention.peers.cohorts.add')}</h2>
        <CohortForm
          onCreated={() => {
            setMessage(t('prevention.peers.cohorts.created'));
            cohorts.reload();
          }}
        />
      </section>
    </Screen>
  );
}

type CohortValues = { name: string; startsOn: string; endsOn: string };

function CohortForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const form = useCheckedForm<CohortValues, keyof CohortValues>(
    { name: '', startsOn: belgradeToday(), endsOn: '' },
    (v) => ({
      ...(v.name.trim().length < 2 ? { name: t('prevention.peers.cohorts.nameRequired') } : {}),
      ...(!v.startsOn ? { startsOn: t('prevention.peers.common.dayRequired') } : {}),
      ...(v.endsOn && v.startsOn && v.endsOn < v.startsOn ? { endsOn: t('prevention.peers.cohorts.endsBeforeStart') } : {}),
    }),
    async (v) => {
      await peersApi.createCohort({ name: v.name.trim(), startsOn: v.startsOn, endsOn: v.endsOn || null });
      form.reset();
      onCreated();
    },
  );
  const { values, set, fieldError } = form;
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
      <ErrorAlert error={form.error} knownFields={['name', 'startsOn', 'endsOn']} />
      <TextField
        label={t('prevention.peers.cohorts.name')}
        hint={t('prevention.peers.cohorts.nameHint')}
        name="name"
        required
        maxLength={120}
        value={values.name}
        onChange={(event) => set({ name: event.target.value })}
        error={fieldError('name')}
      />
      <div className="field-row">
        <TextField
          label={t('prevention.peers.cohorts.startsOn')}
          name="startsOn"
          type="date"
          required
          value={values.startsOn}
          onChange={(event) => set({ startsOn: event.target.value })}
          error={fieldError('startsOn')}
        />
        <TextField
          label={t('prevention.peers.cohorts.endsOn')}
          hint={t('prevention.peers.cohorts.endsOnHint')}
          name="endsOn"
          type="date"
          value={values.endsOn}
          onChange={(event) => set({ endsOn: event.target.value })}
          error={fieldError('endsOn')}
        />
      </div>
      <button type="submit" className="button-primary" disabled={form.isBusy}>
        {t('prevention.peers.cohorts.create')}
      </button>
    </form>
  );
}
