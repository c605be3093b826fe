// Demo schools: about forty primary and secondary schools across Serbia's districts, with
// made-up contact people, e-mail addresses at the demo domain and numbers that lead nowhere
// (0xx 000 …). Names are of the kind every town has; some repeat in other towns, as they do.
// Does nothing if the registry has schools already.
import type { AppContext } from '../../context';
import type { SchoolType } from '../../../common/prevention';
import { districtOf } from '../../../common/geography';
import { recordAudit } from '../../audit/log';
import { schoolSearchText } from './schools';

type DemoSchool = [name: string, type: SchoolType, municipalityId: string, address: string, contactPerson: string, areaCode: string];

const SCHOOLS: DemoSchool[] = [
  ['Прва београдска гимназија', 'secondary', 'stari-grad', 'Цара Душана 61', 'Јелена Марковић, психолог', '011'],
  ['ОШ „Драгојло Дудић“', 'primary', 'zvezdara', 'Милана Ракића 40', 'Марко Илић, педагог', '011'],
  ['ОШ „Бранко Радичевић“', 'primary', 'novi-beograd', 'Омладинских бригада 52', 'Сања Петковић, педагог', '011'],
  ['Девета гимназија „Михаило Петровић Алас“', 'secondary', 'novi-beograd', 'Гандијева 99', 'Драгана Лукић, психолог', '011'],
  ['Земунска гимназија', 'secondary', 'zemun', 'Градски парк 1', 'Ивана Симић, педагог', '011'],
  ['ОШ „Јован Поповић“', 'primary', 'cukarica', 'Шумадијски трг 5', 'Милица Ђорђевић, психолог', '011'],
  ['ОШ „Ђура Јакшић“', 'primary', 'rakovica', 'Пиве Караматијевића 2', 'Ненад Васић, педагог', '011'],
  ['ОШ „Јован Јовановић Змај“', 'primary', 'novi-sad', 'Змај Огњена Вука 11', 'Тијана Бабић, педагог', '021'],
  ['Гимназија „Јован Јовановић Змај“', 'secondary', 'novi-sad', 'Златне греде 4', 'Бојан Кнежевић, психолог', '021'],
  ['ОШ „Ђорђе Натошевић“', 'primary', 'novi-sad', 'Браће Рибникар 30', 'Весна Поповић, педагог', '021'],
  ['ОШ „Иван Горан Ковачић“', 'primary', 'subotica', 'Трг Лазара Нешића 5', 'Ана Хорват, педагог', '024'],
  ['Гимназија „Светозар Марковић“', 'secondary', 'subotica', 'Трг Цара Јована Ненада 9', 'Ласло Киш, психолог', '024'],
  ['Зрењанинска гимназија', 'secondary', 'zrenjanin', 'Гимназијска 2', 'Наташа Јовић, педагог', '023'],
  ['ОШ „Вук Караџић“', 'primary', 'zrenjanin', 'Пупинова 18', 'Данијела Радовановић, педагог', '023'],
  ['ОШ „Исидора Секулић“', 'primary', 'pancevo', 'Светог Саве 2', 'Мирјана Стојков, психолог', '013'],
  ['Гимназија „Вељко Петровић“', 'secondary', 'sombor', 'Доситејева 2', 'Горан Миленковић, педагог', '025'],
  ['ОШ „Ђура Јакшић“', 'primary', 'kikinda', 'Немањина 14', 'Јасмина Томић, педагог', '0230'],
  ['Митровачка гимназија', 'secondary', 'sremska-mitrovica', 'Стари шор 79', 'Славица Лазић, психолог', '022'],
  ['Шабачка гимназија', 'secondary', 'sabac', 'Масарикова 13', 'Зоран Стевић, педагог', '015'],
  ['ОШ „Стојан Новаковић“', 'primary', 'sabac', 'Карађорђева 44', 'Биљана Павловић, педагог', '015'],
  ['Ваљевска гимназија', 'secondary', 'valjevo', 'Вука Караџића 3', 'Милан Ранковић, психолог', '014'],
  ['ОШ „Жикица Јовановић Шпанац“', 'primary', 'valjevo', 'Милована Глишића 39', 'Снежана Ивановић, педагог', '014'],
  ['Прва крагујевачка гимназија', 'secondary', 'kragujevac', 'Даничићева 1', 'Владимир Јанковић, психолог', '034'],
  ['ОШ „Свети Сава“', 'primary', 'kragujevac', 'Николе Пашића 8', 'Катарина Милошевић, педагог', '034'],
  ['ОШ „Станислав Сремчевић“', 'primary', 'kragujevac', 'Краља Петра Првог 51', 'Душан Антић, педагог', '034'],
  ['Гимназија „Светозар Марковић“', 'secondary', 'jagodina', 'Змај Јовина 1', 'Марина Степановић, психолог', '035'],
  ['Гимназија Чачак', 'secondary', 'cacak', 'Цара Лазара 25', 'Ђорђе Божовић, педагог', '032'],
  ['ОШ „Татомир Анђелић“', 'primary', 'cacak', 'Браће Глишића 12', 'Ксенија Радојевић, психолог', '032'],
  ['Гимназија Краљево', 'secondary', 'kraljevo', 'Хајдук Вељкова 5', 'Бранислав Ћировић, педагог', '036'],
  ['ОШ „Димитрије Туцовић“', 'primary', 'kraljevo', 'Доситејева 20', 'Тамара Вуковић, педагог', '036'],
  ['Ужичка гимназија', 'secondary', 'uzice', 'Немањина 2', 'Александар Томовић, психолог', '031'],
  ['Гимназија Нови Пазар', 'secondary', 'novi-pazar', 'Генерала Живковића 1', 'Емина Хоџић, педагог', '020'],
  ['ОШ „Братство“', 'primary', 'novi-pazar', 'Рифата Бурџовића 2', 'Аднан Бећировић, психолог', '020'],
  ['Крушевачка гимназија', 'secondary', 'krusevac', 'Мајке Југовића 2', 'Јована Ристић, педагог', '037'],
  ['ОШ „Вожд Карађорђе“', 'primary', 'nis', 'Генерала Милојка Лешјанина 42', 'Милена Стаменковић, педагог', '018'],
  ['Гимназија „Светозар Марковић“', 'secondary', 'nis', 'Вожда Карађорђа 4', 'Стефан Митић, психолог', '018'],
  ['Медицинска школа „Др Миленко Хаџић“', 'secondary', 'nis', 'Зетска 55', 'Гордана Николић, педагог', '018'],
  ['ОШ „Вук Караџић“', 'primary', 'leskovac', 'Браће Југовића 17', 'Ивана Цветковић, педагог', '016'],
  ['Гимназија „Бора Станковић“', 'secondary', 'vranje', 'Жарка Зрењанина 2', 'Никола Денић, психолог', '017'],
  ['Гимназија Пирот', 'secondary', 'pirot', 'Српских владара 103', 'Сузана Живковић, педагог', '010'],
  ['Зајечарска гимназија', 'secondary', 'zajecar', 'Николе Пашића 80', 'Дејан Јовановић, педагог', '019'],
  ['ОШ „Бранко Радичевић“', 'primary', 'bor', 'Немањина 4', 'Лидија Мишић, психолог', '030'],
  ['Пожаревачка гимназија', 'secondary', 'pozarevac', 'Трг Радомира Вујовића 1', 'Предраг Јанић, педагог', '012'],
  ['Гимназија „Вук Караџић“', 'secondary', 'loznica', 'Јована Цвијића 5', 'Јелица Ерић, психолог', '015'],
  ['ОШ „Бошко Буха“', 'primary', 'ivanjica', 'Милинка Кушића 74', 'Мирослав Луковић, педагог', '032'],
];

export async function seedSchoolsDemo(ctx: AppContext): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('schools').select('id').limit(1).executeTakeFirst()) return;
    const rows = SCHOOLS.map(([name, type, municipalityId, address, contactPerson, areaCode], i) => ({
      name,
      type,
      municipalityId,
      districtId: districtOf(municipalityId),
      address,
      contactPerson,
      email: `skola${String(i + 1).padStart(2, '0')}@demo.bezbedno.example`,
      phone: `${areaCode} 000 ${String(100 + i)}`,
      code: null,
      searchText: schoolSearchText({ name, code: null, address, municipalityId }),
    }));
    await trx.insertInto('schools').values(rows).execute();
    await recordAudit(trx, { actor: null, action: 'school.import', recordType: 'school', details: { demo: true, rows: rows.length, created: rows.length, updated: 0, unchanged: 0 } });
  });
}
