// Labelled form controls: the label, an optional hint and the error message are tied to the
// control with aria-describedby, so they are read out together.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface FrameProps {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  isRequired?: boolean | undefined;
  children: (control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}

function FieldFrame({ label, hint, error, isRequired, children }: FrameProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {isRequired && <span className="required"> ({t('console.common.required')})</span>}
      </label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: string;
  name: string;
  hint?: string | undefined;
  error?: string | undefined;
  inputRef?: React.Ref<HTMLInputElement>;
};

export function TextField({ label, hint, error, required, inputRef, ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} isRequired={required}>
      {(control) => <input ref={inputRef} type="text" required={required} {...input} {...control} />}
    </FieldFrame>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  label: string;
  name: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
};

export function SelectField({ label, hint, error, required, children, ...select }: SelectFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} isRequired={required}>
      {(control) => (
        <select required={required} {...select} {...control}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  label: string;
  name: string;
  hint?: string | undefined;
  error?: string | undefined;
};

export function TextAreaField({ label, hint, error, required, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} isRequired={required}>
      {(control) => <textarea rows={4} required={required} {...textarea} {...control} />}
    </FieldFrame>
  );
}
