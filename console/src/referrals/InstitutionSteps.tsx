// What an institution's contact person does with a referral: acknowledge receipt (while it is
// not acknowledged) and record the outcome with reasons (until one is recorded).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOMES } from '../../../common/schemas/referrals';
import { SelectField, TextAreaField } from '../components/Field';
import { ErrorAlert, StatusMessage } from '../components/Messages';
import { referralsApi, type OutcomeRequest, type ReferralDetail } from '../endpoints';
import { useReferralAction, type OnReferralChanged } from './useReferralAction';

type Outcome = OutcomeRequest['outcome'];

export function InstitutionSteps({ referral, onChanged }: { referral: ReferralDetail; onChanged: OnReferralChanged }) {
  const { t } = useTranslation();
  // One runner for both steps: its confirmation stays in view after the form it came from goes.
  const step = useReferralAction(onChanged);
  return (
    <section aria-labelledby="referral-steps" className="decision">
      <h2 id="referral-steps">{t('console.referrals.actions.title')}</h2>
      <StatusMessage message={step.message} />
      <ErrorAlert error={step.error} knownFields={['outcome', 'note']} />
      {referral.acknowledgedAt === null && (
        <div>
          <p className="hint">{t('console.referrals.actions.acknowledgeHint')}</p>
          <button
            type="button"
            className="button-primary"
            data-testid="acknowledge-referral"
            disabled={step.isBusy}
            onClick={() => void step.run(() => referralsApi.acknowledge(referral.id), t('console.referrals.actions.acknowledged'))}
          >
            {t('console.referrals.actions.acknowledge')}
          </button>
        </div>
      )}
      {referral.outcome === null ? <OutcomeForm referralId={referral.id} step={step} /> : <p>{t('console.referrals.actions.closed')}</p>}
    </section>
  );
}

function OutcomeForm({ referralId, step }: { referralId: string; step: ReturnType<typeof useReferralAction> }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<{ outcome?: string; note?: string }>({});
  const { run, error, isBusy, reset } = step;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    const found = {
      ...(outcome ? {} : { outcome: t('console.referrals.actions.outcomeRequired') }),
      ...(note.trim() ? {} : { note: t('console.referrals.actions.noteRequired') }),
    };
    setProblems(found);
    if (!outcome || Object.keys(found).length > 0) return;
    await run(() => referralsApi.recordOutcome(referralId, { outcome, note: note.trim() }), t('console.referrals.actions.outcomeSaved'));
  };

  const hasProblems = Object.keys(problems).length > 0;
  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="referral-outcome">
      <h3 id="referral-outcome">{t('console.referrals.actions.outcomeTitle')}</h3>
      {hasProblems && <ErrorAlert error={null} message={t('console.errors.validation')} />}
      <SelectField
        label={t('console.referrals.actions.outcome')}
        name="outcome"
        required
        value={outcome}
        onChange={(event) => setOutcome(event.target.value as Outcome | '')}
        error={problems.outcome ?? error?.fieldError('outcome')}
      >
        <option value="">{t('console.referrals.actions.chooseOutcome')}</option>
        {OUTCOMES.map((code) => (
          <option key={code} value={code}>
            {t(`console.referrals.outcomes.${code}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('console.referrals.actions.note')}
        hint={t('console.referrals.actions.noteHint')}
        name="note"
        maxLength={3000}
        required
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={problems.note ?? error?.fieldError('note')}
      />
      <button type="submit" className="button-primary" disabled={isBusy} data-testid="save-outcome">
        {t('console.referrals.actions.saveOutcome')}
      </button>
    </form>
  );
}

/** A supervisor sends a referral an analyst prepared, where settings require approval. */
export function ApprovalStep({ referral, onChanged }: { referral: ReferralDetail; onChanged: OnReferralChanged }) {
  const { t } = useTranslation();
  const step = useReferralAction(onChanged);
  return (
    <section aria-labelledby="referral-approval" className="decision">
      <h2 id="referral-approval">{t('console.referrals.actions.approvalTitle')}</h2>
      <StatusMessage message={step.message} />
      <ErrorAlert error={step.error} />
      <p className="hint">{t('console.referrals.actions.approvalHint')}</p>
      <button
        type="button"
        className="button-primary"
        data-testid="approve-referral"
        disabled={step.isBusy}
        onClick={() => void step.run(() => referralsApi.approve(referral.id), t('console.referrals.actions.approved'))}
      >
        {t('console.referrals.actions.approve')}
      </button>
    </section>
  );
}
