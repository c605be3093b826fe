// Words both the public site and the console use: the centre, roles, languages, errors.
// Serbian is written here once, in Cyrillic; sr-Latn is derived (../translit.ts).
export const sharedMessages = {
  'sr-Cyrl': {
    centre: {
      name: 'Национални контакт центар за безбедност деце на интернету',
      shortName: 'Безбедно',
      helpline: 'Саветодавна линија',
      freeCall: 'бесплатан позив',
    },
    language: { label: 'Језик', switchTo: 'Промени језик' },
    quickExit: { label: 'Брзи излаз', hint: 'Одмах напусти ову страницу (тастер Esc)' },
    roles: {
      administrator: 'Администратор',
      supervisor: 'Супервизор',
      counsellor: 'Саветник',
      analyst: 'Аналитичар',
      'prevention-coordinator': 'Координатор превенције',
      presenter: 'Предавач',
      'institution-contact': 'Контакт особа институције',
      'peer-educator': 'Вршњачки едукатор',
      dpo: 'Лице за заштиту података о личности',
    },
    errors: {
      notFound: 'Страница није пронађена.',
      generic: 'Дошло је до грешке. Покушајте поново.',
      network: 'Веза са сервером није успела. Проверите интернет везу и покушајте поново.',
    },
  },
  en: {
    centre: {
      name: 'National Contact Centre for Child Safety on the Internet',
      shortName: 'Bezbedno',
      helpline: 'Helpline',
      freeCall: 'free call',
    },
    language: { label: 'Language', switchTo: 'Change language' },
    quickExit: { label: 'Quick exit', hint: 'Leave this page at once (Esc key)' },
    roles: {
      administrator: 'Administrator',
      supervisor: 'Supervisor',
      counsellor: 'Counsellor',
      analyst: 'Hotline analyst',
      'prevention-coordinator': 'Prevention coordinator',
      presenter: 'Presenter',
      'institution-contact': 'Institution contact person',
      'peer-educator': 'Peer educator',
      dpo: 'Data protection officer',
    },
    errors: {
      notFound: 'Page not found.',
      generic: 'Something went wrong. Please try again.',
      network: 'Could not reach the server. Check your connection and try again.',
    },
  },
};
