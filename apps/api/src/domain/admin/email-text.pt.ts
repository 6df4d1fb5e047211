/** The Portuguese (Brazil) text of employee e-mails: email-text.ja.ts translated, with the wizard's Portuguese button names. */
import type { MailWording } from './email-wording.ts'

export const pt: MailWording = {
  credentialsSubject: '[{company}] Solicitação de registro dos documentos do My Number (個人番号)',
  reminderSubject: '[{company}] Lembrete: registro dos documentos do My Number (個人番号)',
  returnSubject: '[{company}] Solicitação de novo registro dos documentos do My Number (個人番号)',
  greeting: 'Prezado(a) {name},',
  sender: 'Aqui é o setor de RH da {company}.',
  request: 'Para “{campaign}”, solicitamos o registro dos documentos com o My Number (マイナンバー, 個人番号, número individual) seu e de sua família.',
  deadline: 'Prazo de registro: {date}',
  loginTitle: '■ Página de registro',
  loginNote: 'Esta URL é exclusiva para você. Faça o registro somente a partir desta URL.',
  passwordTitle: '■ Senha',
  passwordNote: '* Esta é a senha necessária para entrar. Não a informe a ninguém e não encaminhe este e-mail.',
  prepareTitle: '■ O que ter em mãos',
  prepare:
    'Para você e para cada dependente que for registrar: o Cartão My Number (マイナンバーカード). Quem não tiver: o Cartão de notificação (通知カード) ou uma cópia do atestado de residência com o número individual (個人番号が記載された住民票の写し), e um documento de identidade, como a carteira de motorista (運転免許証).',
  browsersTitle: '■ Navegadores compatíveis',
  browsers: [
    '- iPhone/iPad: use sempre o navegador padrão (Safari).',
    '- Celular Android: use sempre o navegador Google Chrome.',
    '- Computador: use Google Chrome, Firefox ou Microsoft Edge. O MS Internet Explorer não pode ser usado.',
    '- Se a página abrir dentro do LINE ou de um aplicativo de e-mail, abra-a novamente em um dos navegadores acima.',
  ],
  reminder: [
    'Seu registro ainda não foi concluído.',
    'Faça o registro com a URL e a senha do e-mail enviado anteriormente ou do kit enviado pelo correio.',
    'Se não tiver a URL ou a senha, entre em contato com o RH (enviaremos uma nova URL e uma nova senha).',
  ],
  returnIntro: 'Verificamos os documentos registrados. Os documentos das pessoas a seguir precisam ser registrados novamente (差し戻し, devolvidos).',
  returnedPerson: '■ {name}',
  returnReason: 'Motivo: {reason}',
  returnNote: 'Mensagem do RH: {note}',
  returnReasons: {
    blurry: 'A imagem está borrada',
    wrong_document: 'Tipo de documento errado',
    number_unreadable: 'Não é possível ler o número',
    insurance_not_masked: 'O símbolo e o número do seguro de saúde não estão cobertos',
    other: 'Outro',
  },
  returnSteps: [
    'Entre com a URL e a senha do e-mail enviado anteriormente ou do kit enviado pelo correio, fotografe novamente os documentos das pessoas acima, toque em “Registrar” e, por fim, em “Concluir”.',
    'Se não tiver a URL ou a senha, entre em contato com o RH.',
  ],
  finish:
    'Depois de registrar os documentos de todos, toque por fim em “Concluir”. Se você sair sem tocar em “Concluir”, por segurança as fotos não serão guardadas e nada será enviado.',
  unknownMail: 'Se você não reconhece este e-mail ou tiver alguma dúvida, entre em contato com o RH.',
  contactTitle: '■ Contato',
  noReply: 'Este e-mail é enviado de um endereço que não recebe respostas.',
}
