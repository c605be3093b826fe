// Settings administrators change at run time. Only the changed fields are sent.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api';
import { TextField } from '../components/Field';
import { ErrorAlert, StatusMessage } from '../components/Messages';
import { Screen } from '../components/Screen';
import { settingsApi, type Settings as CentreSettings } from '../endpoints';
import { asApiError } from '../session';
import { useLoad } from '../useLoad';

type Name = keyof CentreSettings;
type Values = Record<Name, string>;

const PUBLIC_FIELDS: { name: Name; type: string }[] = [
  { name: 'helplinePhone', type: 'tel' },
  { name: 'centreEmail', type: 'email' },
  { name: 'quickExitUrl', type: 'url' },
];
const LOGIN_FIELDS: { name: Name; type: string }[] = [
  { name: 'sessionIdleMinutes', type: 'number' },
  { name: 'loginMaxFailures', type: 'number' },
  { name: 'loginLockMinutes', type: 'number' },
];
const HOTLINE_FIELDS: { name: Name; type: string }[] = [
  { name: 'csamDailyLimitMinutes', type: 'number' },
  { name: 'receiptInactivityDays', type: 'number' },
];
const REFERRAL_FIELDS: { name: Name; type: string }[] = [
  { name: 'referralsNeedApproval', type: 'checkbox' },
  { name: 'urgentAcknowledgementHours', type: 'number' },
  { name: 'normalAcknowledgementWorkingDays', type: 'number' },
  { name: 'outcomeReminderDays', type: 'number' },
];
const CHAT_FIELDS: { name: Name; type: string }[] = [
  { name: 'chatOpensAt', type: 'time' },
  // Text, not a time field: a browser's time field stops at 23:59 and the chat may close at 24:00.
  { name: 'chatClosesAt', type: 'text' },
  { name: 'chatOnWeekends', type: 'checkbox' },
  { name: 'chatTranscriptRetentionDays', type: 'number' },
];

function asValues(settings: CentreSettings): Values {
  return Object.fromEntries(Object.entries(settings).map(([name, value]) => [name, String(value)])) as Values;
}

export function Settings() {
  const { t } = useTranslation();
  const { data, error } = useLoad(() => settingsApi.read().then((r) => r.settings), []);
  return (
    <Screen title={t('console.settings.title')}>
      {data ? (
        <SettingsForm settings={data} />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : (
        <p role="status">{t('console.loading')}</p>
      )}
    </Screen>
  );
}

function SettingsForm({ settings }: { settings: CentreSettings }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(settings);
  const [values, setValues] = useState(() => asValues(settings));
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setMessage(null);
    const changes: Partial<CentreSettings> = {};
    for (const name of Object.keys(saved) as Name[]) {
      const text = values[name].trim();
      // Numbers go as numbers; a non-number becomes NaN -> null, which the server names as wrong.
      const value = typeof saved[name] === 'number' ? Number(text) : typeof saved[name] === 'boolean' ? text === 'true' : text;
      if (value !== saved[name]) Object.assign(changes, { [name]: value });
    }
    if (Object.keys(changes).length === 0) {
      setMessage(t('console.common.noChanges'));
      return;
    }
    setIsBusy(true);
    try {
      const result = await settingsApi.update(changes);
      setSaved(result.settings);
      setValues(asValues(result.settings));
      setMessage(t('console.settings.saved'));
    } catch (reason) {
      setError(asApiError(reason));
    } finally {
      setIsBusy(false);
    }
  };

  const field = ({ name, type }: { name: Name; type: string }) =>
    type === 'checkbox' ? (
      <div className="checkbox-field" key={name}>
        <input
          type="checkbox"
          id={`setting-${name}`}
          name={name}
          checked={values[name] === 'true'}
          aria-describedby={`setting-${name}-hint`}
          onChange={(event) => setValues((v) => ({ ...v, [name]: String(event.target.checked) }))}
        />
        <label htmlFor={`setting-${name}`}>{t(`console.settings.${name}`)}</label>
        <p className="hint" id={`setting-${name}-hint`}>
          {t(`console.settings.${name}Hint`)}
        </p>
      </div>
    ) : (
    <TextField
      key={name}
      label={t(`console.settings.${name}`)}
      hint={t(`console.settings.${name}Hint`)}
      name={name}
      type={type}
      {...(type === 'number' ? { inputMode: 'numeric' as const } : {})}
      required
      value={values[name]}
      onChange={(event) => setValues((v) => ({ ...v, [name]: event.target.value }))}
      error={error?.fieldError(name)}
    />
  );

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="form">
      <ErrorAlert error={error} knownFields={Object.keys(saved)} />
      <fieldset>
        <legend>{t('console.settings.publicSection')}</legend>
        {PUBLIC_FIELDS.map(field)}
      </fieldset>
      <fieldset>
        <legend>{t('console.settings.loginSection')}</legend>
        {LOGIN_FIELDS.map(field)}
      </fieldset>
      <fieldset>
        <legend>{t('console.settings.hotlineSection')}</legend>
        {HOTLINE_FIELDS.map(field)}
      </fieldset>
      <fieldset>
        <legend>{t('console.settings.referralSection')}</legend>
        {REFERRAL_FIELDS.map(field)}
      </fieldset>
      <fieldset>
        <legend>{t('console.settings.chatSection')}</legend>
        {CHAT_FIELDS.map(field)}
      </fieldset>
      <StatusMessage message={message} />
      <button type="submit" className="button-primary" disabled={isBusy}>
        {isBusy ? t('console.common.saving') : t('console.common.save')}
      </button>
    </form>
  );
}
