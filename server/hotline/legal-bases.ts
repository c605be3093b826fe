// Legal bases an analyst can cite, as data: articles of the Criminal Code of the Republic of
// Serbia (Кривични законик, "Sl. glasnik RS" 85/2005 … 94/2024) that concern harm to children
// online. The version is stored on every assessment that cites them; have the centre's
// lawyer confirm the list and titles.
export const LEGAL_BASES_VERSION = 'kz-rs-2024';

export const LEGAL_BASES = [
  { code: 'KZ-185', article: '185', title: 'Приказивање, прибављање и поседовање порнографског материјала и искоришћавање малолетног лица за порнографију', titleEn: 'Showing, procuring and possessing pornographic material and exploiting a minor for pornography' },
  { code: 'KZ-185a', article: '185a', title: 'Навођење малолетног лица на присуствовање полним радњама', titleEn: 'Inducing a minor to attend sexual acts' },
  { code: 'KZ-185b', article: '185b', title: 'Искоришћавање рачунарске мреже или комуникације другим техничким средствима за извршење кривичних дела против полне слободе према малолетном лицу', titleEn: 'Using a computer network or other technical means of communication to commit offences against the sexual freedom of a minor' },
  { code: 'KZ-182a', article: '182a', title: 'Полно узнемиравање', titleEn: 'Sexual harassment' },
  { code: 'KZ-138', article: '138', title: 'Угрожавање сигурности', titleEn: 'Endangering safety (threats)' },
  { code: 'KZ-138a', article: '138a', title: 'Прогањање', titleEn: 'Stalking' },
  { code: 'KZ-144', article: '144', title: 'Неовлашћено фотографисање', titleEn: 'Unauthorised photographing' },
  { code: 'KZ-145', article: '145', title: 'Неовлашћено објављивање и приказивање туђег списа, портрета и снимка', titleEn: "Unauthorised publication and display of another's writing, portrait or recording" },
  { code: 'KZ-214', article: '214', title: 'Изнуда', titleEn: 'Extortion' },
  { code: 'KZ-215', article: '215', title: 'Уцена', titleEn: 'Blackmail' },
  { code: 'KZ-317', article: '317', title: 'Изазивање националне, расне и верске мржње и нетрпељивости', titleEn: 'Inciting national, racial and religious hatred and intolerance' },
  { code: 'KZ-387', article: '387', title: 'Расна и друга дискриминација', titleEn: 'Racial and other discrimination' },
] as const;

export const LEGAL_BASIS_CODES = new Set<string>(LEGAL_BASES.map((b) => b.code));
