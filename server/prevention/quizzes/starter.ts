// The starting question bank: short questions for pupils of the upper primary grades and
// secondary school on the topics of the centre's presentations, written for the centre and
// marked "to be reviewed by the centre" until a coordinator clears the mark. Each has a stable
// key: a start inserts the ones the bank has never had (so a later release can add more) and
// never touches one the centre has edited or retired. Starter questions are retired, not
// deleted, so they do not come back.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/index';
import type { PreventionTopic } from '../../../common/prevention';
import type { QuizQuestionTexts } from '../../db/schema-prevention';

// Arbitrary constant: two processes starting at once seed once.
const SEED_LOCK = 4_721_339_061;

export interface StarterQuestion {
  key: string;
  topic: PreventionTopic;
  correctOption: number;
  sr: { prompt: string; options: string[]; explanation: string };
  en: { prompt: string; options: string[]; explanation: string };
}

export const STARTER_QUESTIONS: StarterQuestion[] = [
  {
    key: 'cyberbullying-what',
    topic: 'cyberbullying',
    correctOption: 1,
    sr: {
      prompt: 'Шта је дигитално насиље?',
      options: [
        'Када се двоје пријатеља понекад нашале у поруци',
        'Када неко више пута вређа, прети, исмева или искључује другу особу преко телефона или интернета',
        'Када неко не одговори одмах на твоју поруку',
        'Када видео-игра има насилне сцене',
      ],
      explanation: 'Дигитално насиље је намерно и често поновљено повређивање друге особе преко интернета: вређање, претње, исмевање, ширење лажи или искључивање из групе.',
    },
    en: {
      prompt: 'What is cyberbullying?',
      options: [
        'Two friends joking with each other in a message now and then',
        'Someone repeatedly insulting, threatening, mocking or excluding another person by phone or online',
        'Someone not answering your message straight away',
        'A video game with violent scenes',
      ],
      explanation: 'Cyberbullying is hurting someone on purpose, often again and again, by phone or online: insults, threats, mockery, spreading lies or shutting someone out of a group.',
    },
  },
  {
    key: 'cyberbullying-first-step',
    topic: 'cyberbullying',
    correctOption: 2,
    sr: {
      prompt: 'Неко ти шаље увредљиве поруке. Шта је најбоље прво да урадиш?',
      options: [
        'Да одговориш исто тако увредљиво',
        'Да обришеш све поруке да их више не гледаш',
        'Да не одговараш, сачуваш доказе (снимак екрана), блокираш ту особу и кажеш одраслој особи од поверења',
        'Да обришеш свој налог',
      ],
      explanation: 'Узвраћање обично погоршава ствар. Докази помажу када пријављујеш насиље платформи, школи или полицији, а одрасла особа од поверења може да помогне.',
    },
    en: {
      prompt: 'Someone is sending you insulting messages. What is the best first thing to do?',
      options: [
        'Answer back just as insultingly',
        "Delete all the messages so you don't have to see them",
        "Don't reply, keep evidence (screenshots), block the person and tell an adult you trust",
        'Delete your account',
      ],
      explanation: 'Hitting back usually makes it worse. Evidence helps when you report it to the platform, the school or the police, and an adult you trust can help.',
    },
  },
  {
    key: 'cyberbullying-bystander',
    topic: 'cyberbullying',
    correctOption: 1,
    sr: {
      prompt: 'У групи одељења сви исмевају једног друга. Шта можеш да урадиш?',
      options: [
        'Ништа, то није моја ствар',
        'Да подржиш друга у приватној поруци, не шириш исмевање даље и пријавиш то одраслој особи или платформи',
        'Да ставиш лајк, да не би и тебе исмевали',
      ],
      explanation: 'Сведоци могу много да промене: насиље без публике губи снагу. Подршка ономе ко трпи насиље и пријава заиста помажу.',
    },
    en: {
      prompt: 'In your class group chat, everyone is mocking one classmate. What can you do?',
      options: [
        "Nothing, it's not my business",
        "Support the classmate in a private message, don't pass the mockery on, and report it to an adult or the platform",
        "Like the posts so they don't mock you too",
      ],
      explanation: 'Bystanders can change a lot: bullying loses its power without an audience. Supporting the person targeted and reporting it really help.',
    },
  },
  {
    key: 'privacy-public-post',
    topic: 'privacy',
    correctOption: 3,
    sr: {
      prompt: 'Шта од овога НЕ би требало да објавиш јавно на друштвеној мрежи?',
      options: ['Слику свог омиљеног цртаног филма', 'Шта волиш да читаш', 'Честитку другу за рођендан', 'Своју кућну адресу, назив школе и број телефона'],
      explanation: 'Адреса, школа и број телефона говоре непознатим људима где могу да те пронађу. Такве податке дели само са људима које познајеш уживо.',
    },
    en: {
      prompt: 'Which of these should you NOT post publicly on a social network?',
      options: ['A picture of your favourite cartoon', 'What you like to read', 'A birthday greeting to a friend', 'Your home address, school name and phone number'],
      explanation: 'Your address, school and phone number tell strangers where to find you. Share them only with people you know in real life.',
    },
  },
  {
    key: 'privacy-deleted-post',
    topic: 'privacy',
    correctOption: 1,
    sr: {
      prompt: 'Слика је обрисана сат времена пошто је објављена. Да ли је сигурно нестала са интернета?',
      options: ['Да, обрисано је обрисано', 'Не, неко је већ могао да је сачува или да сними екран', 'Да, ако је била објављена краће од једног дана'],
      explanation: 'Све што објавиш други могу да сачувају, сниме и поделе даље. Пре објаве се запитај: да ли би ми сметало да ово види цела школа?',
    },
    en: {
      prompt: 'A picture was deleted an hour after it was posted. Is it surely gone from the internet?',
      options: ['Yes, deleted means deleted', 'No, someone may already have saved it or taken a screenshot', 'Yes, if it was online for less than a day'],
      explanation: 'Anything you post can be saved, captured and passed on by others. Before posting, ask yourself: would I mind the whole school seeing this?',
    },
  },
  {
    key: 'passwords-strong',
    topic: 'passwords-and-accounts',
    correctOption: 2,
    sr: {
      prompt: 'Која лозинка је најбезбеднија?',
      options: [
        '123456',
        'Име твог љубимца и година рођења',
        'Дуга фраза од неколико неповезаних речи, нпр. „плави-кишобран-лети-преко-мора“',
        'Иста лозинка коју користиш свуда, само ако је дуга',
      ],
      explanation: 'Дугу фразу од неповезаних речи лако је запамтити, а тешко погодити. Име љубимца и годину рођења неко може да пронађе на твојим профилима. За сваки налог користи другу лозинку.',
    },
    en: {
      prompt: 'Which password is the safest?',
      options: ['123456', "Your pet's name and your year of birth", 'A long phrase of several unrelated words, e.g. "blue-umbrella-flies-over-the-sea"', 'The same password you use everywhere, as long as it is long'],
      explanation: "A long phrase of unrelated words is easy to remember and hard to guess. Your pet's name and year of birth can be found on your profiles. Use a different password for every account.",
    },
  },
  {
    key: 'passwords-sharing',
    topic: 'passwords-and-accounts',
    correctOption: 1,
    sr: {
      prompt: 'Најбољи друг тражи твоју лозинку за Инстаграм. Шта је исправно?',
      options: ['Да му је даш, ипак ти је најбољи друг', 'Да лозинку не даш никоме осим родитељу или старатељу', 'Да му је даш па да је промениш за месец дана'],
      explanation: 'Пријатељства се мењају, а са твојом лозинком неко може да пише у твоје име. Лозинку треба да знаш само ти и, за млађу децу, родитељ или старатељ.',
    },
    en: {
      prompt: 'Your best friend asks for your Instagram password. What is right?',
      options: ["Give it, they're your best friend", "Don't give your password to anyone except a parent or carer", 'Give it, then change it in a month'],
      explanation: 'Friendships change, and with your password someone can post as you. Only you should know your password (and, for younger pupils, a parent or carer).',
    },
  },
  {
    key: 'passwords-two-step',
    topic: 'passwords-and-accounts',
    correctOption: 0,
    sr: {
      prompt: 'Шта је провера у два корака (двофакторска верификација)?',
      options: [
        'Када налог поред лозинке тражи и код са телефона или из апликације, па онај ко има само лозинку не може да уђе',
        'Када два пута укуцаш исту лозинку',
        'Када два налога имају исту лозинку',
        'Када друг провери да ли ти је лозинка добра',
      ],
      explanation: 'Укључи је за важне налоге (имејл, друштвене мреже, игрице): тада ни украдена лозинка није довољна да неко уђе у твој налог.',
    },
    en: {
      prompt: 'What is two-step verification?',
      options: [
        "Besides the password, the account asks for a code from your phone or an app, so someone with only the password can't get in",
        'Typing the same password twice',
        'Two accounts having the same password',
        'A friend checking whether your password is good',
      ],
      explanation: "Turn it on for important accounts (e-mail, social networks, games): then even a stolen password isn't enough to get into your account.",
    },
  },
  {
    key: 'grooming-warning-signs',
    topic: 'grooming',
    correctOption: 2,
    sr: {
      prompt: 'Особа коју знаш само са интернета шаље ти поклоне у игрици, каже да те само она разуме и тражи да ваши разговори остану тајна. Шта то може да значи?',
      options: ['Ништа посебно, тако се сви понашају у игрицама', 'Да је то прави пријатељ', 'Да покушава да задобије твоје поверење да би те искористила – то је знак упозорења'],
      explanation: 'Поклони, ласкање и тражење тајности уобичајени су кораци врбовања. Ко тражи да нешто кријеш од родитеља, не мисли ти добро. Реци одраслој особи од поверења или позови 19833.',
    },
    en: {
      prompt: 'Someone you know only online sends you gifts in a game, says only they understand you, and asks you to keep your chats secret. What might this mean?',
      options: ['Nothing special, everyone acts like that in games', 'That they are a true friend', "That they are trying to win your trust to take advantage of you: it's a warning sign"],
      explanation: "Gifts, flattery and secrecy are the usual steps of grooming. Someone who asks you to hide things from your parents doesn't mean you well. Tell an adult you trust or call 19833.",
    },
  },
  {
    key: 'grooming-meeting',
    topic: 'grooming',
    correctOption: 1,
    sr: {
      prompt: 'Неко са ким се месецима дописујеш жели да се нађете уживо. Шта је најбезбедније?',
      options: [
        'Да одеш, јер се дуго дописујете и знате се',
        'Да кажеш родитељу или старатељу; ако до сусрета дође, само уз одраслу особу и на јавном месту',
        'Да одеш, али да поделиш своју локацију са другом из одељења',
      ],
      explanation: 'Особа са интернета не мора да буде оно што каже да јесте: и „вршњак“ може бити одрасла особа. На први сусрет се не иде без одрасле особе од поверења.',
    },
    en: {
      prompt: "Someone you've been chatting with for months wants to meet in person. What is safest?",
      options: ["Go, you've chatted for a long time and know each other", 'Tell a parent or carer; if you do meet, only with an adult and in a public place', 'Go, but share your location with a classmate'],
      explanation: "A person online may not be who they say they are: even a \"peer\" may be an adult. Never go to a first meeting without an adult you trust.",
    },
  },
  {
    key: 'sextortion-threat',
    topic: 'sextortion',
    correctOption: 3,
    sr: {
      prompt: 'Неко прети да ће објавити твоју интимну слику ако му не пошаљеш новац или још слика. Шта треба да урадиш?',
      options: [
        'Да пошаљеш оно што тражи, да би престао',
        'Да обришеш све и никоме не кажеш, јер је срамота',
        'Да му запретиш назад',
        'Да не шаљеш ништа, сачуваш поруке, блокираш ту особу и одмах се обратиш одраслој особи од поверења или на 19833',
      ],
      explanation: 'Уцењивач обично тражи све више. Кривица је увек на ономе ко уцењује, никад на теби. Помоћ постоји: 19833, полиција, а платформе уклањају такав садржај.',
    },
    en: {
      prompt: 'Someone threatens to post an intimate picture of you unless you send money or more pictures. What should you do?',
      options: [
        'Send what they ask so they stop',
        "Delete everything and tell no one, because it's embarrassing",
        'Threaten them back',
        'Send nothing, keep the messages, block them and go straight to an adult you trust or call 19833',
      ],
      explanation: 'Blackmailers usually ask for more and more. The blame is always on the blackmailer, never on you. Help exists: 19833, the police, and platforms remove such content.',
    },
  },
  {
    key: 'sexting-forwarded-picture',
    topic: 'sexting',
    correctOption: 2,
    sr: {
      prompt: 'Неко ти проследи интимну слику другарице из школе. Шта је исправно?',
      options: ['Да је сачуваш за сваки случај', 'Да је проследиш даље, ионако је сви већ имају', 'Да је не шаљеш никоме, кажеш одраслој особи од поверења или је пријавиш Центру, па је обришеш'],
      explanation: 'Прослеђивање туђих интимних слика наноси велику штету и кажњиво је. Такве слике малолетника нико не сме да чува ни да шаље.',
    },
    en: {
      prompt: 'Someone forwards you an intimate picture of a girl from your school. What is right?',
      options: ['Save it just in case', 'Forward it, everyone has it anyway', "Don't send it to anyone, tell an adult you trust or report it to the Centre, then delete it"],
      explanation: 'Forwarding intimate pictures of someone does great harm and is a crime. No one may keep or send such pictures of a minor.',
    },
  },
  {
    key: 'hate-speech-what',
    topic: 'hate-speech',
    correctOption: 0,
    sr: {
      prompt: 'Шта је говор мржње?',
      options: [
        'Вређање, понижавање или позивање на насиље према људима због тога ко су – на пример због националности, вере, боје коже, пола или инвалидитета',
        'Свака оштра критика нечијег мишљења',
        'Када неко каже да му се не свиђа нека песма',
      ],
      explanation: 'Можеш да се не слажеш са неким, али напад на људе због тога ко су – то је говор мржње. Такав садржај пријави платформи.',
    },
    en: {
      prompt: 'What is hate speech?',
      options: [
        'Insulting, degrading or calling for violence against people because of who they are, for example their nationality, religion, skin colour, sex or disability',
        "Any sharp criticism of someone's opinion",
        "Saying you don't like a song",
      ],
      explanation: 'You may disagree with someone, but attacking people for who they are is hate speech. Report such content to the platform.',
    },
  },
  {
    key: 'hate-speech-comments',
    topic: 'hate-speech',
    correctOption: 2,
    sr: {
      prompt: 'Испод видеа видиш коментаре који вређају људе због њихове вере. Шта можеш да урадиш?',
      options: ['Да одговориш још гором увредом', 'Да поделиш снимак екрана да сви виде колико је то лоше', 'Да пријавиш коментаре платформи и да их не шириш даље'],
      explanation: 'Пријава помаже да се садржај уклони, а свако дељење – чак и уз осуду – шири мржњу даље. Покажи подршку онима који су нападнути.',
    },
    en: {
      prompt: 'Under a video you see comments insulting people because of their religion. What can you do?',
      options: ['Reply with an even worse insult', 'Share a screenshot so everyone sees how bad it is', "Report the comments to the platform and don't pass them on"],
      explanation: 'Reporting helps get the content removed, while every share, even to condemn it, spreads the hate further. Show support for the people attacked.',
    },
  },
  {
    key: 'fake-news-before-sharing',
    topic: 'fake-news',
    correctOption: 3,
    sr: {
      prompt: 'Видиш шокантну вест коју сви деле. Шта је најбоље да урадиш пре него што је поделиш?',
      options: ['Да погледаш колико има лајкова', 'Да је поделиш одмах: ако је сви деле, мора да је тачна', 'Да прочиташ само наслов', 'Да провериш ко је објавио вест и да ли о томе пишу и поуздани извори'],
      explanation: 'Лажне вести су често направљене да изазову јаку емоцију и брзо дељење. Број лајкова не говори да ли је нешто тачно.',
    },
    en: {
      prompt: 'You see shocking news that everyone is sharing. What is best to do before you share it?',
      options: ['Look at how many likes it has', 'Share it at once: if everyone shares it, it must be true', 'Read just the headline', 'Check who published it and whether reliable sources report it too'],
      explanation: "Fake news is often made to stir strong feelings and quick sharing. The number of likes doesn't tell you whether something is true.",
    },
  },
  {
    key: 'fake-news-picture',
    topic: 'fake-news',
    correctOption: 0,
    sr: {
      prompt: 'Слика у објави може бити лажна или извађена из контекста. Како то можеш да провериш?',
      options: ['Обрнутом претрагом слике (нпр. Google Lens), да видиш где се слика раније појављивала', 'Никако, слике не лажу', 'Ако је слика оштра и у великој резолуцији, онда је права'],
      explanation: 'Стара слика се често представља као нова. Обрнута претрага показује где се слика појавила раније. Слике направљене вештачком интелигенцијом могу да изгледају веома уверљиво.',
    },
    en: {
      prompt: 'A picture in a post may be fake or taken out of context. How can you check?',
      options: ['With a reverse image search (e.g. Google Lens), to see where the picture appeared before', "You can't: pictures don't lie", "If it's sharp and high-resolution, it's real"],
      explanation: 'Old pictures are often passed off as new. A reverse search shows where a picture appeared before. Pictures made by artificial intelligence can look very convincing.',
    },
  },
  {
    key: 'reporting-who-helps',
    topic: 'reporting-and-help',
    correctOption: 2,
    sr: {
      prompt: 'Коме можеш да се обратиш ако те нешто на интернету узнемири?',
      options: [
        'Само полицији, и то само ако је нешто веома опасно',
        'Никоме, то мораш да решиш без помоћи',
        'Одраслој особи од поверења или Националном контакт центру за безбедност деце на интернету, на бесплатан број 19833',
      ],
      explanation: 'Позив на 19833 је бесплатан и поверљив. Саветници помажу деци, родитељима и наставницима, а сумњив садржај можеш да пријавиш и на сајту Центра.',
    },
    en: {
      prompt: 'Who can you turn to if something online upsets you?',
      options: [
        "Only the police, and only if it's very dangerous",
        'No one, you have to sort it out without help',
        'An adult you trust, or the National Contact Centre for Child Safety on the Internet on the free number 19833',
      ],
      explanation: "A call to 19833 is free and confidential. Counsellors help children, parents and teachers, and you can also report harmful content on the Centre's website.",
    },
  },
  {
    key: 'reporting-anonymous',
    topic: 'reporting-and-help',
    correctOption: 1,
    sr: {
      prompt: 'Када пријавиш објаву на Инстаграму или ТикТоку, да ли особа која ју је објавила сазна ко ју је пријавио?',
      options: ['Да, увек види име', 'Не, платформа јој не каже ко је пријавио', 'Да, ако пријава буде одбијена'],
      explanation: 'Платформе не откривају ко је пријавио насиље, узнемиравање или говор мржње. Зато слободно пријављуј такав садржај.',
    },
    en: {
      prompt: 'When you report a post on Instagram or TikTok, does the person who posted it find out who reported it?',
      options: ['Yes, they always see the name', "No, the platform doesn't tell them who reported it", 'Yes, if the report is rejected'],
      explanation: "Platforms don't reveal who reported bullying, harassment or hate speech. So feel free to report such content.",
    },
  },
];

/**
 * Inserts the starter questions the bank has never had, active and marked for the centre's
 * review. Idempotent: an existing starter question (edited, retired or not) is left as it is.
 * Returns the number inserted.
 */
export async function seedStarterQuestions(db: DbOrTrx): Promise<number> {
  const seed = async (trx: DbOrTrx) => {
    await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    const rows = STARTER_QUESTIONS.map((q) => {
      const texts: QuizQuestionTexts = { sr: q.sr, en: q.en };
      return { topic: q.topic, texts: JSON.stringify(texts), correctOption: q.correctOption, needsReview: true, starterKey: q.key };
    });
    const inserted = await trx
      .insertInto('quizQuestions')
      .values(rows)
      .onConflict((oc) => oc.column('starterKey').doNothing())
      .returning('id')
      .execute();
    return inserted.length;
  };
  return db.isTransaction ? seed(db) : db.transaction().execute(seed);
}
