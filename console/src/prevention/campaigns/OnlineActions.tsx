// A campaign's online actions (posts, videos, live streams, media) with the people each reached;
// coordinators add and remove them. Their reach goes into the campaign's figures.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ONLINE_ACTION_KINDS, type OnlineActionKind } from '../../../../common/prevention';
import type { ApiError } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { SelectField, TextField } from '../../components/Field';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { TableWrap } from '../../components/TableWrap';
import { calendarDay } from '../../helpline/format';
import { useLanguage } from '../../i18n';
import { asApiError } from '../../session';
import { campaignsApi, type Campaign } from './api';
import { formatCount, inScript } from './format';

export function OnlineActions({ campaign, canManage, onChanged }: { campaign: Campaign; canManage: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const actions = campaign.onlineActions;
  const none = t('console.common.none');

  const remove = async (actionId: string) => {
    setError(null);
    try {
      await campaignsApi.removeOnlineAction(campaign.id, actionId);
      setNotice(t('prevention.campaigns.online.removed'));
      onChanged();
    } catch (reason) {
      setError(asApiError(reason));
    }
  };

  return (
    <section aria-labelledby="online-heading">
      <h2 id="online-heading">{t('prevention.campaigns.online.title')}</h2>
      <ErrorAlert error={error} />
      {actions.length === 0 ? (
        <p>{t('prevention.campaigns.online.empty')}</p>
      ) : (
        <TableWrap label={t('prevention.campaigns.online.caption')}>
          <table className="online-actions">
            <caption>{t('prevention.campaigns.online.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('prevention.campaigns.online.columns.date')}</th>
                <th scope="col">{t('prevention.campaigns.online.columns.title')}</th>
                <th scope="col">{t('prevention.campaigns.online.columns.kind')}</th>
                <th scope="col">{t('prevention.campaigns.online.columns.platform')}</th>
                <th scope="col" className="number">{t('prevention.campaigns.online.columns.reached')}</th>
                <th scope="col" className="number">{t('prevention.campaigns.online.columns.engagements')}</th>
                {canManage && <th scope="col">{t('prevention.campaigns.online.columns.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {actions.map((action) => (
                <tr key={action.id} data-testid="online-action">
                  <td className="nowrap">{calendarDay(action.happenedOn, language)}</td>
                  <th scope="row">
                    {inScript(action.title, language)}
                    {action.notes && <p className="hint">{inScript(action.notes, language)}</p>}
                  </th>
                  <td>{t(`prevention.codes.onlineActionKinds.${action.kind}`)}</td>
                  <td>{action.platform ? inScript(action.platform, language) : none}</td>
                  <td className="number">{formatCount(action.peopleReached, language)}</td>
                  <td className="number">{action.engagements === null ? none : formatCount(action.engagements, language)}</td>
                  {canManage && (
                    <td>
                      <ConfirmButton label={t('prevention.campaigns.online.remove', { title: inScript(action.title, language) })} isDangerous onConfirm={() => remove(action.id)} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <StatusMessage message={notice} />
      {canManage && (
        <AddOnlineAction
          campaignId={campaign.id}
          onAdded={() => {
            setNotice(t('prevention.campaigns.online.added'));
            onChanged();
          }}
        />
      )}
    </section>
  );
}

interface ActionValues {
  kind: OnlineActionKind;
  title: string;
  platform: string;
  happenedOn: string;
  peopleReached: string;
  engagements: string;
  notes: string;
}
type ActionProblems = Partial<Record<keyof ActionValues, string>>;
const EMPTY_ACTION: ActionValues = { kind: 'social-post', title: '', platform: '', happenedOn: '', peopleReached: '', engagements: '', notes: '' };
const isCount = (s: string) => /^\d{1,9}$/.test(s.trim());

function AddOnlineAction({ campaignId, onAdded }: { campaignId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY_ACTION);
  const [problems, setProblems] = useState<ActionProblems>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (name: keyof ActionValues) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const found: ActionProblems = {};
    if (values.title.trim().length < 2) found.title = t('prevention.campaigns.online.titleRequired');
    if (!values.happenedOn) found.happenedOn = t('prevention.campaigns.online.dateRequired');
    if (!isCount(values.peopleReached)) found.peopleReached = t('prevention.campaigns.online.numberInvalid');
    if (values.engagements.trim() && !isCount(values.engagements)) found.engagements = t('prevention.campaigns.online.numberInvalid');
    setProblems(found);
    const first = (Object.keys(EMPTY_ACTION) as (keyof ActionValues)[]).find((name) => found[name]);
    if (first) return formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    setIsBusy(true);
    try {
      await campaignsApi.addOnlineAction(campaignId, {
        kind: values.kind,
        title: values.title.trim(),
        platform: values.platform.trim(),
        happenedOn: values.happenedOn,
        peopleReached: Number(values.peopleReached),
        engagements: values.engagements.trim() ? Number(values.engagements) : null,
        notes: values.notes.trim(),
      });
      setValues(EMPTY_ACTION);
      onAdded();
    } catch (reason) {
      const apiError = asApiError(reason);
      setError(apiError);
      setProblems(Object.fromEntries((Object.keys(EMPTY_ACTION) as (keyof ActionValues)[]).map((name) => [name, apiError.fieldError(name)])));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form online-action-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="add-online-heading">
      <h3 id="add-online-heading">{t('prevention.campaigns.online.add')}</h3>
      <ErrorAlert error={error} knownFields={Object.keys(EMPTY_ACTION)} />
      <SelectField label={t('prevention.campaigns.online.kind')} name="kind" value={values.kind} onChange={set('kind')} error={problems.kind}>
        {ONLINE_ACTION_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`prevention.codes.onlineActionKinds.${kind}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('prevention.campaigns.online.titleField')} name="title" required maxLength={200} value={values.title} onChange={set('title')} error={problems.title} />
      <TextField label={t('prevention.campaigns.online.platform')} hint={t('prevention.campaigns.online.platformHint')} name="platform" maxLength={100} value={values.platform} onChange={set('platform')} error={problems.platform} />
      <div className="field-row">
        <TextField label={t('prevention.campaigns.online.happenedOn')} name="happenedOn" type="date" required value={values.happenedOn} onChange={set('happenedOn')} error={problems.happenedOn} />
        <TextField label={t('prevention.campaigns.online.peopleReached')} name="peopleReached" inputMode="numeric" required value={values.peopleReached} onChange={set('peopleReached')} error={problems.peopleReached} />
        <TextField label={t('prevention.campaigns.online.engagements')} name="engagements" inputMode="numeric" value={values.engagements} onChange={set('engagements')} error={problems.engagements} />
      </div>
      <TextField label={t('prevention.campaigns.online.notes')} name="notes" maxLength={2000} value={values.notes} onChange={set('notes')} error={problems.notes} />
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={isBusy} data-testid="add-online-action">
          {t('prevention.campaigns.online.add')}
        </button>
      </div>
    </form>
  );
}
