// The parts every public form is made of: a labelled field with its hint and error wired for
// screen readers, and the error summary at the top that links to each field. Server-rendered;
// they work without JavaScript.
import type { ReactNode } from 'react';
import { DISTRICTS, UNITS, localName } from '../../common/geography';

/** Form field name → the message shown next to it (already translated). */
export type FieldErrors = Record<string, string>;

export const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

export interface ControlProps {
  id: string;
  name: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p className="field-error" id={id}>
      {message}
    </p>
  ) : null;
}

/** A labelled control with its hint and error, wired for screen readers. */
export function Field(props: {
  name: string;
  label: ReactNode;
  hint?: string;
  error?: string | undefined;
  alsoDescribedBy?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const { name, hint, error } = props;
  return (
    <div className={props.className ? `field ${props.className}` : 'field'} id={`field-${name}`}>
      <label htmlFor={name}>{props.label}</label>
      {hint && (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${name}-error`} message={error} />
      {props.children({
        id: name,
        name,
        'aria-describedby': describedBy(hint && `${name}-hint`, props.alsoDescribedBy, error && `${name}-error`),
        'aria-invalid': error ? true : undefined,
      })}
    </div>
  );
}

/** The errors of a sent-back form, each linking to its field (`#field-<name>`), in the order given. */
export function ErrorSummary({ title, errors, label }: { title: string; errors: [field: string, message: string][]; label: (field: string) => string }) {
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} id="errors">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map(([field, message]) => (
          <li key={field}>
            <a href={`#field-${field}`}>
              {label(field)}: {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The municipalities as <option>s grouped by district, named in the page's script (for a <select>). */
export function MunicipalityOptions({ language }: { language: string }) {
  return (
    <>
      {DISTRICTS.filter((d) => !d.kosovo).map((d) => (
        <optgroup key={d.id} label={localName(d, language)}>
          {UNITS.filter((u) => u.district === d.id).map((u) => (
            <option key={u.id} value={u.id}>
              {localName(u, language)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
