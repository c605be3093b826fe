// One peer educator for the coordinator: the facts (consent, account, sessions), editing them,
// the modules completed, certification, linking the sign-in account, and deleting the personal
// data on request (after a confirmation). A record whose data was deleted shows only that, with
// the counts it keeps.
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ConfirmButton } from '../../components/ConfirmButton';
import { SelectField, TextField } from '../../components/Field';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { useLanguage } from '../../i18n';
import { useLoad } from '../../useLoad';
import { useRecordAction } from '../../useRecordAction';
import { peersApi, type Educator, type TrainingModule } from './api';
import { EducatorForm, educatorBody, educatorValues } from './EducatorForm';
import { belgradeToday, calendarDay, educatorLabel, inScript, instantDay, municipalityName } from './format';

type EducatorResponse = { educator: Educator };

export function EducatorDetail() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const location = useLocation();
  const loaded = useLoad(() => peersApi.educator(id), [id]);
  const cohorts = useLoad(() => peersApi.cohorts(), []);
  const modules = useLoad(() => peersApi.modules(), []);
  const setEducator = loaded.setData;
  const action = useRecordAction<EducatorResponse>(useCallback((record: EducatorResponse) => setEducator(record), [setEducator]));
  const [isEditing, setIsEditing] = useState(false);
  const educator = loaded.data?.educator ?? null;
  const arrivalMessage = (location.state as { message?: string } | null)?.message ?? null;

  const title = educator ? educatorLabel(t, educator, language) : t('prevention.peers.educators.title');
  return (
    <Screen title={title} headingTestId="educator-heading">
      <p>
        <Link to="..">{t('prevention.peers.detail.back')}</Link>
      </p>
      <StatusMessage message={action.message ?? arrivalMessage} />
      <ErrorAlert error={loaded.error ?? action.error} message={action.error?.code === 'modules_incomplete' ? t('prevention.peers.detail.modulesIncomplete') : null} />
      {loaded.isLoading && <p role="status">{t('prevention.peers.common.loading')}</p>}
      {educator && <Facts educator={educator} />}
      {educator?.personalDataDeletedAt && (
        <p className="alert alert-info" data-testid="erased-notice">
          {t('prevention.peers.detail.erasedNotice', { date: instantDay(educator.personalDataDeletedAt, language) })}
        </p>
      )}
      {educator && !educator.personalDataDeletedAt && (
        <>
          <section aria-labelledby="educator-edit-heading">
            <h2 id="educator-edit-heading">{t('prevention.peers.form.editTitle')}</h2>
            {isEditing && cohorts.data ? (
              <EducatorForm
                initial={educatorValues(educator)}
                cohorts={cohorts.data.cohorts}
                schoolName={educator.schoolName}
                submitLabel={t('prevention.peers.common.save')}
                onCancel={() => setIsEditing(false)}
                onSubmit={async (values) => {
                  const saved = await peersApi.updateEducator(educator.id, educatorBody(values, educatorValues(educator)));
                  setEducator(saved);
                  setIsEditing(false);
                }}
              />
            ) : (
              <button type="button" onClick={() => setIsEditing(true)} data-testid="edit-educator">
                {t('prevention.peers.detail.edit')}
              </button>
            )}
          </section>
          {modules.data && (
            <ModulesPanel
              key={educator.modules.map((m) => m.moduleId + m.completedOn).join()}
              educator={educator}
              modules={modules.data.modules}
              isBusy={action.isBusy}
              onSave={(completions) => action.run(() => peersApi.setModules(educator.id, { completions }), t('prevention.peers.detail.modulesSaved'))}
            />
          )}
          <CertificationPanel
            educator={educator}
            isBusy={action.isBusy}
            error={action.error?.fieldError('certifiedOn')}
            onCertify={(certifiedOn) => action.run(() => peersApi.certify(educator.id, { certifiedOn }), t('prevention.peers.detail.certified'))}
            onWithdraw={async () => {
              await action.run(() => peersApi.withdrawCertification(educator.id), t('prevention.peers.detail.withdrawn'));
            }}
          />
          <AccountPanel
            educator={educator}
            isBusy={action.isBusy}
            onLink={(userId) => action.run(() => peersApi.linkAccount(educator.id, userId), t(userId ? 'prevention.peers.detail.linked' : 'prevention.peers.detail.unlinked'))}
          />
          <section aria-labelledby="educator-erase-heading" className="peer-danger-zone">
            <h2 id="educator-erase-heading">{t('prevention.peers.detail.erase')}</h2>
            <p>{t('prevention.peers.detail.eraseHint')}</p>
            <ConfirmButton
              label={t('prevention.peers.detail.eraseButton')}
              isDangerous
              testId="erase-educator"
              onConfirm={async () => {
                await action.run(() => peersApi.erase(educator.id), t('prevention.peers.detail.erasedDone'));
              }}
            />
          </section>
        </>
      )}
    </Screen>
  );
}

function Facts({ educator }: { educator: Educator }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const none = t('prevention.peers.common.none');
  const consent = educator.consent;
  return (
    <section aria-labelledby="educator-facts-heading">
      <h2 id="educator-facts-heading">{t('prevention.peers.detail.facts')}</h2>
      <dl className="facts">
        <dt>{t('prevention.peers.form.cohort')}</dt>
        <dd>{educator.cohortName}</dd>
        <dt>{t('prevention.peers.form.ageGroup')}</dt>
        <dd>{t(`prevention.codes.peerAgeGroups.${educator.ageGroup}`)}</dd>
        <dt>{t('prevention.peers.common.municipality')}</dt>
        <dd>{municipalityName(educator.municipalityId, language)}</dd>
        <dt>{t('prevention.peers.common.school')}</dt>
        <dd>{educator.schoolName ? inScript(educator.schoolName, language) : none}</dd>
        <dt>{t('prevention.peers.detail.consentRecord')}</dt>
        <dd data-testid="consent-fact">
          {consent
            ? [
                t('prevention.peers.detail.consentText', { date: calendarDay(consent.obtainedOn, language), by: consent.obtainedBy ? inScript(consent.obtainedBy, language) : none }),
                consent.recordedByName ? t('prevention.peers.detail.consentRecordedBy', { name: inScript(consent.recordedByName, language) }) : null,
              ]
                .filter(Boolean)
                .join('; ')
            : educator.ageGroup === '18-24'
              ? t('prevention.peers.detail.notNeeded')
              : none}
        </dd>
        <dt>{t('prevention.peers.detail.certification')}</dt>
        <dd>{educator.certifiedOn ? t('prevention.peers.detail.certifiedOn', { date: calendarDay(educator.certifiedOn, language) }) : t('prevention.peers.detail.notCertified')}</dd>
        <dt>{t('prevention.peers.detail.sessions')}</dt>
        <dd>{t('prevention.peers.detail.sessionsText', { confirmed: educator.sessionsConfirmed, peers: educator.peersReached, waiting: educator.sessionsSubmitted })}</dd>
      </dl>
    </section>
  );
}

function ModulesPanel({
  educator,
  modules,
  isBusy,
  onSave,
}: {
  educator: Educator;
  modules: readonly TrainingModule[];
  isBusy: boolean;
  onSave: (completions: { moduleId: string; completedOn: string }[]) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [chosen, setChosen] = useState<Record<string, string>>(() => Object.fromEntries(educator.modules.map((m) => [m.moduleId, m.completedOn])));
  const shown = modules.filter((m) => m.isActive || chosen[m.id] !== undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSave(Object.entries(chosen).map(([moduleId, completedOn]) => ({ moduleId, completedOn })));
  };
  return (
    <section aria-labelledby="educator-modules-heading">
      <h2 id="educator-modules-heading">{t('prevention.peers.detail.modules')}</h2>
      <form onSubmit={submit} noValidate>
        <p className="hint">{t('prevention.peers.detail.modulesHint')}</p>
        <ul className="peer-modules">
          {shown.map((m) => {
            const name = language === 'en' ? m.names.en : inScript(m.names['sr-Cyrl'], language);
            const isDone = chosen[m.id] !== undefined;
            return (
              <li key={m.id}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    name="modules"
                    value={m.id}
                    checked={isDone}
                    onChange={(event) =>
                      setChosen((c) => {
                        const next = { ...c };
                        if (event.target.checked) next[m.id] = belgradeToday();
                        else delete next[m.id];
                        return next;
                      })
                    }
                  />{' '}
                  {name} {!m.isActive && <span className="muted">{t('prevention.peers.detail.inactive')}</span>}
                </label>
                {isDone && (
                  <label className="peer-module-date">
                    {t('prevention.peers.detail.completedOn')}
                    <span className="visually-hidden-label">: {name}</span>{' '}
                    <input
                      type="date"
                      name={`completedOn-${m.code}`}
                      max={belgradeToday()}
                      value={chosen[m.id]}
                      onChange={(event) => setChosen((c) => ({ ...c, [m.id]: event.target.value }))}
                    />
                  </label>
                )}
              </li>
            );
          })}
        </ul>
        <button type="submit" disabled={isBusy} data-testid="save-modules">
          {t('prevention.peers.detail.saveModules')}
        </button>
      </form>
    </section>
  );
}

interface CertificationProps {
  educator: Educator;
  isBusy: boolean;
  error: string | undefined;
  onCertify: (day: string) => Promise<boolean>;
  onWithdraw: () => Promise<void>;
}

function CertificationPanel({ educator, isBusy, error, onCertify, onWithdraw }: CertificationProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [day, setDay] = useState(belgradeToday());
  return (
    <section aria-labelledby="educator-certification-heading">
      <h2 id="educator-certification-heading">{t('prevention.peers.detail.certification')}</h2>
      {educator.certifiedOn ? (
        <>
          <p>{t('prevention.peers.detail.certifiedOn', { date: calendarDay(educator.certifiedOn, language) })}</p>
          <ConfirmButton label={t('prevention.peers.detail.withdraw')} onConfirm={onWithdraw} />
        </>
      ) : (
        <>
          <p className="hint">{t('prevention.peers.detail.certifyHint')}</p>
          <form
            className="form form-inline peer-narrow"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void onCertify(day);
            }}
          >
            <TextField label={t('prevention.peers.detail.certifyDay')} name="certifiedOn" type="date" max={belgradeToday()} value={day} onChange={(event) => setDay(event.target.value)} error={error} />
            <button type="submit" disabled={isBusy} data-testid="certify">
              {t('prevention.peers.detail.certify')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}

function AccountPanel({ educator, isBusy, onLink }: { educator: Educator; isBusy: boolean; onLink: (userId: string | null) => Promise<boolean> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const accounts = useLoad(() => (educator.account ? Promise.resolve({ accounts: [] }) : peersApi.accounts()), [educator.account?.id]);
  const [userId, setUserId] = useState('');
  const free = accounts.data?.accounts ?? [];
  return (
    <section aria-labelledby="educator-account-heading">
      <h2 id="educator-account-heading">{t('prevention.peers.detail.account')}</h2>
      <p className="hint">{t('prevention.peers.detail.accountHint')}</p>
      {educator.account ? (
        <>
          <p data-testid="linked-account">{t('prevention.peers.detail.linkedTo', { name: `${inScript(educator.account.displayName, language)} (${educator.account.username})` })}</p>
          <ConfirmButton
            label={t('prevention.peers.detail.unlink')}
            onConfirm={async () => {
              await onLink(null);
            }}
          />
        </>
      ) : (
        <>
          <p>{t('prevention.peers.detail.noAccount')}</p>
          <ErrorAlert error={accounts.error} />
          {accounts.data && free.length === 0 && <p>{t('prevention.peers.detail.noFreeAccounts')}</p>}
          {free.length > 0 && (
            <form
              className="form form-inline peer-narrow"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                if (userId) void onLink(userId);
              }}
            >
              <SelectField label={t('prevention.peers.detail.chooseAccount')} name="userId" value={userId} onChange={(event) => setUserId(event.target.value)}>
                <option value="">{t('prevention.peers.common.none')}</option>
                {free.map((account) => (
                  <option key={account.id} value={account.id}>
                    {inScript(account.displayName, language)}
                  </option>
                ))}
              </SelectField>
              <button type="submit" disabled={isBusy || !userId} data-testid="link-account">
                {t('prevention.peers.detail.link')}
              </button>
            </form>
          )}
        </>
      )}
    </section>
  );
}
