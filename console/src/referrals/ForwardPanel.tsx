// Forwarding a case: the questions the reports cannot answer, the institutions the routing
// rules suggest (each with the rule behind it), and a short form to forward to one of them or
// to any other institution from the registry. The server checks everything again.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UNITS } from '../../../common/geography';
import { INSTITUTION_TYPES } from '../../../common/institutions';
import { URGENCIES } from '../../../common/schemas/referrals';
import type { ApiError } from '../api';
import { SelectField, TextAreaField } from '../components/Field';
import { ErrorAlert, StatusMessage } from '../components/Messages';
import { casesApi, hotlineApi, institutionsApi, type Case, type CreateReferralRequest, type Institution, type RoutingSuggestion } from '../endpoints';
import { localName, useLanguage } from '../i18n';
import { legalBasisLabel } from '../reports/legalBases';
import { asApiError } from '../session';
import { useLoad } from '../useLoad';
import { ruleText } from './format';

const QUESTIONS = ['isChildAtRiskAtHome', 'isSchoolInvolved', 'isSelfHarm'] as const;
type Question = (typeof QUESTIONS)[number];
type Urgency = CreateReferralRequest['urgency'];

interface Draft {
  institutionId: string;
  /** The suggestion this follows; dropped when another institution is chosen. */
  suggestion: RoutingSuggestion | null;
  reason: string;
}

export function ForwardPanel({ found, onForwarded }: { found: Case; onForwarded: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [answers, setAnswers] = useState<Record<Question, boolean>>({ isChildAtRiskAtHome: false, isSchoolInvolved: false, isSelfHarm: false });
  const [municipality, setMunicipality] = useState('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [sentMessage, setSentMessage] = useState<string | null>(null);
  const routing = useLoad(
    () =>
      casesApi.routing(found.id, {
        isChildAtRiskAtHome: String(answers.isChildAtRiskAtHome),
        isSchoolInvolved: String(answers.isSchoolInvolved),
        isSelfHarm: String(answers.isSelfHarm),
        municipality: municipality || undefined,
      }),
    [found.id, answers.isChildAtRiskAtHome, answers.isSchoolInvolved, answers.isSelfHarm, municipality],
  );
  const units = useMemo(
    () => [...UNITS].sort((a, b) => (language === 'sr-Cyrl' ? a.name_cyrl.localeCompare(b.name_cyrl, 'sr') : a.name_latn.localeCompare(b.name_latn, 'sr-Latn'))),
    [language],
  );

  const start = (suggestion: RoutingSuggestion | null) => {
    setSentMessage(null);
    setDraft({
      institutionId: suggestion?.institutionId ?? '',
      suggestion,
      reason: suggestion ? ruleText(suggestion.rule, suggestion.ruleEn, language) : '',
    });
  };

  return (
    <section aria-labelledby="case-forward">
      <h2 id="case-forward">{t('console.cases.forward.title')}</h2>
      <StatusMessage message={sentMessage} />
      <form className="form" onSubmit={(event) => event.preventDefault()} aria-labelledby="case-forward">
        <fieldset>
          <legend>{t('console.cases.forward.questions')}</legend>
          <div className="checkbox-list">
            {QUESTIONS.map((question) => (
              <label key={question} className="checkbox">
                <input
                  type="checkbox"
                  name={question}
                  checked={answers[question]}
                  onChange={(event) => setAnswers((a) => ({ ...a, [question]: event.target.checked }))}
                />{' '}
                {t(`console.cases.forward.${question}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField
          label={t('console.cases.forward.municipality')}
          hint={t('console.cases.forward.municipalityHint')}
          name="municipality"
          value={municipality}
          onChange={(event) => setMunicipality(event.target.value)}
        >
          <option value="">{t('console.cases.forward.municipalityFromReports')}</option>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {language === 'sr-Cyrl' ? unit.name_cyrl : unit.name_latn}
            </option>
          ))}
        </SelectField>
      </form>
      <h3 id="case-suggestions">{t('console.cases.forward.suggestions')}</h3>
      <div role="status">
        {routing.isLoading ? t('console.cases.forward.loadingSuggestions') : routing.data ? t('console.cases.forward.rulesVersion', { version: routing.data.rulesVersion }) : null}
      </div>
      <ErrorAlert error={routing.error} />
      {routing.data && routing.data.suggestions.length === 0 && <p>{t('console.cases.forward.noSuggestions')}</p>}
      {routing.data && routing.data.suggestions.length > 0 && (
        <ul className="link-list" aria-labelledby="case-suggestions">
          {routing.data.suggestions.map((suggestion) => (
            <li
              key={`${suggestion.ruleId}-${suggestion.institutionId ?? suggestion.type}`}
              className="link-item"
              data-testid="routing-suggestion"
              data-institution-id={suggestion.institutionId ?? ''}
            >
              <p>
                <strong>{suggestion.institutionName ? localName(suggestion.institutionName, suggestion.institutionName, language) : t(`console.referrals.institutionTypes.${suggestion.type}`)}</strong>{' '}
                <span className="tag">{t(`console.referrals.institutionTypes.${suggestion.type}`)}</span>
              </p>
              <p>
                <span className="muted">{t('console.cases.forward.rule')}:</span> {ruleText(suggestion.rule, suggestion.ruleEn, language)}
              </p>
              {suggestion.problem && (
                <p className="alert alert-warning">
                  {t(`console.cases.forward.problems.${suggestion.problem}`, { defaultValue: suggestion.problem })}
                </p>
              )}
              {suggestion.institutionId && (
                <button type="button" data-testid="forward-suggestion" onClick={() => start(suggestion)}>
                  {t('console.cases.forward.forwardTo')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <button type="button" data-testid="forward-other" onClick={() => start(null)}>
          {t('console.cases.forward.forwardOther')}
        </button>
      </p>
      {draft && (
        <ForwardForm
          key={`${draft.suggestion?.ruleId ?? 'other'}-${draft.institutionId}`}
          caseId={found.id}
          draft={draft}
          defaultUrgency={found.priority === 'urgent' ? 'urgent' : 'normal'}
          onCancel={() => setDraft(null)}
          onSent={() => {
            setDraft(null);
            setSentMessage(t('console.cases.forward.sent'));
            onForwarded();
          }}
        />
      )}
    </section>
  );
}

interface FormProps {
  caseId: string;
  draft: Draft;
  defaultUrgency: Urgency;
  onCancel: () => void;
  onSent: () => void;
}

function ForwardForm({ caseId, draft, defaultUrgency, onCancel, onSent }: FormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [institutionId, setInstitutionId] = useState(draft.institutionId);
  const [reason, setReason] = useState(draft.reason);
  const [urgency, setUrgency] = useState<Urgency>(defaultUrgency);
  const [legalBasis, setLegalBasis] = useState<string[]>([]);
  const [includeReporterContact, setIncludeReporterContact] = useState(false);
  const [problems, setProblems] = useState<{ institutionId?: string; reason?: string }>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const institutions = useLoad(() => institutionsApi.list().then((r) => r.institutions), []);
  const legalBases = useLoad(() => hotlineApi.legalBases(), []);

  useEffect(() => heading.current?.focus(), []);

  const followsSuggestion = draft.suggestion !== null && draft.suggestion.institutionId === institutionId;
  const byType = useMemo(() => groupByType(institutions.data ?? []), [institutions.data]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const found = {
      ...(institutionId ? {} : { institutionId: t('console.cases.forward.institutionRequired') }),
      ...(reason.trim() ? {} : { reason: t('console.cases.forward.reasonRequired') }),
    };
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setIsBusy(true);
    try {
      await casesApi.forward(caseId, {
        institutionId,
        reason: reason.trim(),
        urgency,
        legalBasis,
        includeReporterContact,
        ...(followsSuggestion && draft.suggestion ? { routingRuleId: draft.suggestion.ruleId } : {}),
      });
      onSent();
    } catch (reason) {
      setError(asApiError(reason));
    } finally {
      setIsBusy(false);
    }
  };

  const hasProblems = Object.keys(problems).length > 0;
  return (
    <form className="form decision forward-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t('console.cases.forward.formTitle')}
      </h3>
      <ErrorAlert
        error={hasProblems ? null : error}
        message={hasProblems ? t('console.errors.validation') : null}
        knownFields={['institutionId', 'reason', 'urgency', 'legalBasis']}
      />
      <SelectField
        label={t('console.cases.forward.institution')}
        hint={
          institutions.error
            ? t('console.cases.forward.institutionsFailed')
            : draft.suggestion
              ? followsSuggestion
                ? t('console.cases.forward.followsRule', { rule: ruleText(draft.suggestion.rule, draft.suggestion.ruleEn, language) })
                : t('console.cases.forward.overridesSuggestion')
              : undefined
        }
        name="institutionId"
        required
        value={institutionId}
        onChange={(event) => setInstitutionId(event.target.value)}
        error={problems.institutionId ?? error?.fieldError('institutionId')}
      >
        <option value="">{t('console.cases.forward.chooseInstitution')}</option>
        {/* The suggested institution stays choosable even before the registry has loaded. */}
        {draft.suggestion?.institutionId && !institutions.data && (
          <option value={draft.suggestion.institutionId}>{draft.suggestion.institutionName ?? draft.suggestion.institutionId}</option>
        )}
        {byType.map(([type, list]) => (
          <optgroup key={type} label={t(`console.referrals.institutionTypes.${type}`, { defaultValue: type })}>
            {list.map((institution) => (
              <option key={institution.id} value={institution.id}>
                {localName(institution.name, institution.nameEn, language)}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <TextAreaField
        label={t('console.cases.forward.reason')}
        hint={t('console.cases.forward.reasonHint')}
        name="reason"
        rows={5}
        maxLength={3000}
        required
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={problems.reason ?? error?.fieldError('reason')}
      />
      <SelectField
        label={t('console.cases.forward.urgency')}
        name="urgency"
        value={urgency}
        onChange={(event) => setUrgency(event.target.value as Urgency)}
        error={error?.fieldError('urgency')}
      >
        {URGENCIES.map((code) => (
          <option key={code} value={code}>
            {t(`console.referrals.urgencies.${code}`)}
          </option>
        ))}
      </SelectField>
      <fieldset>
        <legend>{t('console.cases.forward.legalBasis')}</legend>
        {legalBases.error && <p className="field-error">{t('console.cases.forward.legalBasesFailed')}</p>}
        {error?.fieldError('legalBasis') && <p className="field-error">{error.fieldError('legalBasis')}</p>}
        <div className="checkbox-list">
          {(legalBases.data?.legalBases ?? []).map((basis) => (
            <label key={basis.code} className="checkbox">
              <input
                type="checkbox"
                name="legalBasis"
                value={basis.code}
                checked={legalBasis.includes(basis.code)}
                onChange={(event) =>
                  setLegalBasis((chosen) => (event.target.checked ? [...chosen, basis.code] : chosen.filter((code) => code !== basis.code)))
                }
              />{' '}
              {legalBasisLabel(t, basis, language)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            name="includeReporterContact"
            checked={includeReporterContact}
            aria-describedby={`${headingId}-contact-hint`}
            onChange={(event) => setIncludeReporterContact(event.target.checked)}
          />{' '}
          {t('console.cases.forward.includeReporterContact')}
        </label>
        <p id={`${headingId}-contact-hint`} className="hint">
          {t('console.cases.forward.includeReporterContactHint')}
        </p>
        {error?.fieldError('includeReporterContact') && <p className="field-error">{error.fieldError('includeReporterContact')}</p>}
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={isBusy} data-testid="send-referral">
          {isBusy ? t('console.cases.forward.sending') : t('console.cases.forward.send')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('console.cases.forward.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The registry grouped by institution type, in the order of the known types (others last). */
function groupByType(institutions: readonly Institution[]): [string, Institution[]][] {
  const groups = new Map<string, Institution[]>();
  for (const type of INSTITUTION_TYPES) groups.set(type, []);
  for (const institution of institutions) {
    const list = groups.get(institution.type) ?? [];
    list.push(institution);
    groups.set(institution.type, list);
  }
  return [...groups.entries()].filter(([, list]) => list.length > 0);
}
