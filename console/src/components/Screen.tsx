// One screen: its <h1>, the document title, and focus on the heading after navigation so that
// screen-reader users hear where they arrived.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

let isFirstScreen = true;

export function Screen({ title, headingTestId, children }: { title: string; headingTestId?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} — ${t('centre.shortName')}`;
  }, [title, t]);

  useEffect(() => {
    if (isFirstScreen) {
      isFirstScreen = false;
      return;
    }
    heading.current?.focus();
  }, []);

  return (
    <>
      <h1 ref={heading} tabIndex={-1} data-testid={headingTestId}>
        {title}
      </h1>
      {children}
    </>
  );
}
