// The public site (server-rendered, works without JavaScript).
export const publicMessages = {
  'sr-Cyrl': {
    skipToContent: 'Пређи на садржај',
    home: {
      title: 'Безбедно на интернету',
      lead: 'Ако те нешто на интернету брине, уплашило или повредило, ниси сам. Разговарај са нама.',
      callUs: 'Позови нас',
      callHint: 'Позив је бесплатан са фиксних и мобилних телефона. Не мораш да кажеш ко си.',
      whatWeDo: 'Како можемо да помогнемо',
      helplineTitle: 'Савет и подршка',
      helplineText: 'Деца, родитељи и сви грађани могу да нас питају о ризицима на интернету, дигиталном насиљу, родитељској контроли и безбедном коришћењу технологије.',
      hotlineTitle: 'Пријава незаконитог садржаја',
      hotlineText: 'Ако видиш садржај који штети деци – сексуално злостављање, врбовање, уцене, насиље или мржњу – пријави га. Пријава може бити анонимна.',
      preventionTitle: 'Предавања у школама',
      preventionText: 'Долазимо у основне и средње школе широм Србије, за ученике и родитеље.',
      emergency: 'Ако је дете у непосредној опасности, позови полицију на 192.',
    },
    footer: {
      privacy: 'Не чувамо твоју IP адресу нити податке о твом уређају.',
      staff: 'Пријављивање за запослене',
    },
  },
  en: {
    skipToContent: 'Skip to content',
    home: {
      title: 'Safe on the internet',
      lead: 'If something online worries you, scared you or hurt you, you are not alone. Talk to us.',
      callUs: 'Call us',
      callHint: 'The call is free from landlines and mobile phones. You do not have to say who you are.',
      whatWeDo: 'How we can help',
      helplineTitle: 'Advice and support',
      helplineText: 'Children, parents and all citizens can ask us about the risks of the internet, cyberbullying, parental control and the safe use of technology.',
      hotlineTitle: 'Report illegal content',
      hotlineText: 'If you see content that harms children – sexual abuse, grooming, sextortion, violence or hate – report it. You can stay anonymous.',
      preventionTitle: 'Presentations in schools',
      preventionText: 'We visit primary and secondary schools all over Serbia, for pupils and parents.',
      emergency: 'If a child is in immediate danger, call the police on 192.',
    },
    footer: {
      privacy: 'We do not keep your IP address or details of your device.',
      staff: 'Staff sign-in',
    },
  },
};
