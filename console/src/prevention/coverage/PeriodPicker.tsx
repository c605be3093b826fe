// The period the coverage screen shows: two dates (Belgrade days, both included) and quick
// choices. A wrong period is explained next to the field; the server checks it again.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api';
import { TextField } from '../../components/Field';
import { isDay, lastTwelveMonths, lastYear, thisYear } from './format';
import type { Period } from './api';

export function PeriodPicker({ period, error, onChange }: { period: Period; error: ApiError | null; onChange: (period: Period) => void }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [problems, setProblems] = useState<{ from?: string; to?: string }>({});
  const fromInput = useRef<HTMLInputElement>(null);
  const toInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setFrom(period.from);
    setTo(period.to);
  }, [period.from, period.to]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: { from?: string; to?: string } = {};
    if (!isDay(from)) found.from = t('prevention.coverage.period.badDate');
    if (!isDay(to)) found.to = t('prevention.coverage.period.badDate');
    else if (isDay(from) && from > to) found.to = t('prevention.coverage.period.toBeforeFrom');
    setProblems(found);
    if (found.from) fromInput.current?.focus();
    else if (found.to) toInput.current?.focus();
    else onChange({ from, to });
  };
  const quick = (choice: Period) => {
    setProblems({});
    onChange(choice);
  };

  return (
    <fieldset className="coverage-period">
      <legend>{t('prevention.coverage.period.legend')}</legend>
      <form className="form form-inline" onSubmit={submit} noValidate>
        <TextField
          type="date"
          name="from"
          label={t('prevention.coverage.period.from')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          error={problems.from ?? error?.fieldError('from')}
          inputRef={fromInput}
          required
        />
        <TextField
          type="date"
          name="to"
          label={t('prevention.coverage.period.to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          error={problems.to ?? error?.fieldError('to')}
          inputRef={toInput}
          required
        />
        <button type="submit" className="button-primary" data-testid="period-show">
          {t('prevention.coverage.period.show')}
        </button>
      </form>
      <div className="coverage-quick">
        <button type="button" className="button-small" onClick={() => quick(thisYear())}>
          {t('prevention.coverage.period.thisYear')}
        </button>
        <button type="button" className="button-small" onClick={() => quick(lastYear())}>
          {t('prevention.coverage.period.lastYear')}
        </button>
        <button type="button" className="button-small" onClick={() => quick(lastTwelveMonths())}>
          {t('prevention.coverage.period.last12Months')}
        </button>
      </div>
    </fieldset>
  );
}
