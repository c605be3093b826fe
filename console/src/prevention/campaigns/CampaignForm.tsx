// Starting a campaign and changing one (coordinators): name, goal, period and partners (each a
// small group of fields; influencers are a kind of partner). Problems found here and the
// server's show next to their inputs.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { PARTNER_KINDS, type PartnerKind } from '../../../../common/prevention';
import type { ApiError } from '../../api';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { ErrorAlert } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { NotFound } from '../../screens/NotFound';
import { asApiError } from '../../session';
import { useLoad } from '../../useLoad';
import { campaignsApi, type Campaign } from './api';

interface PartnerValues {
  key: number;
  name: string;
  kind: PartnerKind;
  note: string;
}
interface Values {
  name: string;
  goal: string;
  startsOn: string;
  endsOn: string;
  partners: PartnerValues[];
}
type Problems = Partial<Record<'name' | 'goal' | 'startsOn' | 'endsOn' | 'partners', string>> & { partnerNames?: Record<number, string> };

let partnerKeys = 0;
const partnerValues = (p: { name: string; kind: PartnerKind; note: string }): PartnerValues => ({ key: ++partnerKeys, ...p });

function valuesOf(c: Campaign): Values {
  return { name: c.name, goal: c.goal, startsOn: c.startsOn, endsOn: c.endsOn ?? '', partners: c.partners.map(partnerValues) };
}
const bodyOf = (v: Values) => ({
  name: v.name.trim(),
  goal: v.goal.trim(),
  startsOn: v.startsOn,
  endsOn: v.endsOn || null,
  partners: v.partners.map((p) => ({ name: p.name.trim(), kind: p.kind, note: p.note.trim() })),
});

export function NewCampaign() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Screen title={t('prevention.campaigns.form.titleNew')} headingTestId="new-campaign-heading">
      <CampaignForm
        initial={{ name: '', goal: '', startsOn: '', endsOn: '', partners: [] }}
        submitLabel={t('prevention.campaigns.form.create')}
        onSave={async (values) => {
          const { id } = await campaignsApi.create(bodyOf(values));
          navigate(`/prevention/campaigns/${id}`);
        }}
      />
    </Screen>
  );
}

export function EditCampaign() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const campaign = useLoad(() => campaignsApi.read(id), [id]);
  if (campaign.error?.status === 404 || campaign.error?.status === 400) return <NotFound />;
  return (
    <Screen title={t('prevention.campaigns.form.titleEdit')} headingTestId="edit-campaign-heading">
      <ErrorAlert error={campaign.error} />
      {campaign.isLoading && <p role="status">{t('console.loading')}</p>}
      {campaign.data && (
        <CampaignForm
          initial={valuesOf(campaign.data)}
          submitLabel={t('prevention.campaigns.form.save')}
          onSave={async (values) => {
            await campaignsApi.update(id, bodyOf(values));
            navigate(`/prevention/campaigns/${id}`, { state: { notice: t('prevention.campaigns.form.saved') } });
          }}
        />
      )}
    </Screen>
  );
}

function CampaignForm({ initial, submitLabel, onSave }: { initial: Values; submitLabel: string; onSave: (values: Values) => Promise<void> }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const set = (name: 'name' | 'goal' | 'startsOn' | 'endsOn') => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));
  const setPartner = (key: number, change: Partial<PartnerValues>) => setValues((v) => ({ ...v, partners: v.partners.map((p) => (p.key === key ? { ...p, ...change } : p)) }));
  const focusFirstInvalid = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Problems = {};
    if (values.name.trim().length < 2) found.name = t('prevention.campaigns.form.nameRequired');
    if (!values.startsOn) found.startsOn = t('prevention.campaigns.form.startRequired');
    if (values.startsOn && values.endsOn && values.endsOn < values.startsOn) found.endsOn = t('prevention.campaigns.form.endBeforeStart');
    const partnerNames = Object.fromEntries(values.partners.filter((p) => !p.name.trim()).map((p) => [p.key, t('prevention.campaigns.form.partnerNameRequired')]));
    if (Object.keys(partnerNames).length) found.partnerNames = partnerNames;
    setProblems(found);
    setError(null);
    if (Object.keys(found).length) return focusFirstInvalid();
    setIsSaving(true);
    try {
      await onSave(values);
    } catch (reason) {
      const apiError = asApiError(reason);
      setError(apiError);
      setProblems({
        name: apiError.fieldError('name'),
        goal: apiError.fieldError('goal'),
        startsOn: apiError.fieldError('startsOn'),
        endsOn: apiError.fieldError('endsOn') ? t('prevention.campaigns.form.endBeforeStart') : undefined,
        partners: apiError.fieldError('partners'),
      });
      focusFirstInvalid();
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form ref={formRef} className="form campaign-form" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorAlert error={error} knownFields={['name', 'goal', 'startsOn', 'endsOn', 'partners']} />
      <TextField label={t('prevention.campaigns.form.name')} name="name" required maxLength={200} value={values.name} onChange={set('name')} error={problems.name} />
      <TextAreaField label={t('prevention.campaigns.form.goal')} name="goal" maxLength={2000} value={values.goal} onChange={set('goal')} error={problems.goal} />
      <div className="field-row">
        <TextField label={t('prevention.campaigns.form.startsOn')} name="startsOn" type="date" required value={values.startsOn} onChange={set('startsOn')} error={problems.startsOn} />
        <TextField label={t('prevention.campaigns.form.endsOn')} hint={t('prevention.campaigns.form.endsOnHint')} name="endsOn" type="date" value={values.endsOn} onChange={set('endsOn')} error={problems.endsOn} />
      </div>
      <fieldset className="campaign-partners">
        <legend>{t('prevention.campaigns.form.partners')}</legend>
        <p className="hint">{t('prevention.campaigns.form.partnersHint')}</p>
        {problems.partners && <p className="field-error">{problems.partners}</p>}
        {values.partners.length === 0 && <p>{t('prevention.campaigns.form.noPartners')}</p>}
        <ol className="partner-list">
          {values.partners.map((partner, index) => (
            <li key={partner.key} data-testid="partner-fields">
              <fieldset>
                <legend>{t('prevention.campaigns.form.partnerNumber', { number: index + 1 })}</legend>
                <TextField
                  label={t('prevention.campaigns.form.partnerName')}
                  name={`partnerName${index}`}
                  required
                  maxLength={200}
                  value={partner.name}
                  onChange={(event) => setPartner(partner.key, { name: event.target.value })}
                  error={problems.partnerNames?.[partner.key]}
                />
                <SelectField label={t('prevention.campaigns.form.partnerKind')} name={`partnerKind${index}`} value={partner.kind} onChange={(event) => setPartner(partner.key, { kind: event.target.value as PartnerKind })}>
                  {PARTNER_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`prevention.codes.partnerKinds.${kind}`)}
                    </option>
                  ))}
                </SelectField>
                <TextField label={t('prevention.campaigns.form.partnerNote')} name={`partnerNote${index}`} maxLength={500} value={partner.note} onChange={(event) => setPartner(partner.key, { note: event.target.value })} />
                <button type="button" className="button-small" onClick={() => setValues((v) => ({ ...v, partners: v.partners.filter((p) => p.key !== partner.key) }))}>
                  {t('prevention.campaigns.form.removePartner', { number: index + 1 })}
                </button>
              </fieldset>
            </li>
          ))}
        </ol>
        <button type="button" onClick={() => setValues((v) => ({ ...v, partners: [...v.partners, partnerValues({ name: '', kind: 'organisation', note: '' })] }))} data-testid="add-partner">
          {t('prevention.campaigns.form.addPartner')}
        </button>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={isSaving} data-testid="save-campaign">
          {isSaving ? t('console.common.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
