// A labelled form field: the label tied to the input, the hint and the error read out with it (aria-describedby),
// and aria-invalid while the error shows. For every page's forms.
import type { TargetedInputEvent } from 'preact';

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onInput: (event: TargetedInputEvent<HTMLInputElement>) => void;
  autocomplete?: string;
  autocapitalize?: 'characters' | 'off' | 'sentences' | 'words';
  spellcheck?: boolean;
  inputMode?: 'numeric' | 'text';
  required?: boolean;
}

export function Field({ id, label, hint, error, ...input }: FieldProps) {
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>
        {label}
        {hint && (
          <span class="hint" id={`${id}-hint`}>
            {hint}
          </span>
        )}
      </label>
      <input id={id} aria-describedby={described} aria-invalid={error ? true : undefined} {...input} />
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
