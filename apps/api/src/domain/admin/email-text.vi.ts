/** The Vietnamese text of employee e-mails: email-text.ja.ts translated, with the wizard's Vietnamese button names. */
import type { MailWording } from './email-wording.ts'

export const vi: MailWording = {
  credentialsSubject: '[{company}] Đề nghị đăng ký giấy tờ My Number (個人番号)',
  reminderSubject: '[{company}] Nhắc lại: đề nghị đăng ký giấy tờ My Number (個人番号)',
  returnSubject: '[{company}] Đề nghị đăng ký lại giấy tờ My Number (個人番号)',
  greeting: 'Kính gửi anh/chị {name},',
  sender: 'Đây là bộ phận nhân sự của {company}.',
  request: 'Vì “{campaign}”, đề nghị anh/chị đăng ký giấy tờ có ghi My Number (マイナンバー, 個人番号, mã số cá nhân) của bản thân và gia đình.',
  deadline: 'Hạn đăng ký: {date}',
  loginTitle: '■ Trang đăng ký',
  loginNote: 'URL này dành riêng cho anh/chị. Vui lòng chỉ đăng ký từ URL này.',
  passwordTitle: '■ Mật khẩu',
  passwordNote: '* Đây là mật khẩu cần để đăng nhập. Không cho người khác biết và không chuyển tiếp e-mail này.',
  prepareTitle: '■ Giấy tờ cần chuẩn bị',
  prepare:
    'Của bản thân và từng người phụ thuộc được đăng ký: thẻ My Number (マイナンバーカード). Nếu không có: thẻ thông báo (通知カード) hoặc bản sao phiếu cư trú có ghi mã số cá nhân (個人番号が記載された住民票の写し), cùng một giấy tờ tùy thân như bằng lái xe (運転免許証).',
  browsersTitle: '■ Trình duyệt có thể sử dụng',
  browsers: [
    '- iPhone/iPad: nhất định dùng trình duyệt mặc định (Safari).',
    '- Điện thoại Android: nhất định dùng trình duyệt Google Chrome.',
    '- Máy tính: dùng Google Chrome, Firefox hoặc Microsoft Edge. Không thể dùng MS Internet Explorer.',
    '- Nếu trang được mở trong LINE hoặc ứng dụng e-mail, vui lòng mở lại bằng một trong các trình duyệt trên.',
  ],
  reminder: [
    'Việc đăng ký của anh/chị chưa hoàn tất.',
    'Vui lòng đăng ký bằng URL và mật khẩu ghi trong e-mail đã gửi trước đây hoặc trong bộ tài liệu gửi qua bưu điện.',
    'Nếu không có URL hoặc mật khẩu, vui lòng liên hệ bộ phận nhân sự (sẽ gửi URL và mật khẩu mới).',
  ],
  returnIntro: 'Sau khi kiểm tra giấy tờ đã đăng ký, giấy tờ của những người sau cần được đăng ký lại (差し戻し, trả lại).',
  returnedPerson: '■ {name}',
  returnReason: 'Lý do: {reason}',
  returnNote: 'Lời nhắn của bộ phận nhân sự: {note}',
  returnReasons: {
    blurry: 'Ảnh bị mờ',
    wrong_document: 'Sai loại giấy tờ',
    number_unreadable: 'Không đọc được mã số',
    insurance_not_masked: 'Ký hiệu và số của thẻ bảo hiểm y tế chưa được che',
    other: 'Khác',
  },
  returnSteps: [
    'Đăng nhập bằng URL và mật khẩu ghi trong e-mail đã gửi trước đây hoặc trong bộ tài liệu gửi qua bưu điện, chụp lại giấy tờ của những người trên, chạm “Đăng ký”, cuối cùng chạm “Hoàn tất”.',
    'Nếu không có URL hoặc mật khẩu, vui lòng liên hệ bộ phận nhân sự.',
  ],
  finish:
    'Sau khi đăng ký giấy tờ của tất cả mọi người, cuối cùng hãy chạm “Hoàn tất”. Nếu kết thúc mà không chạm “Hoàn tất”, vì lý do an toàn, ảnh đã chụp sẽ không được lưu và coi như chưa nộp.',
  unknownMail: 'Nếu anh/chị không biết về e-mail này hoặc có điều gì chưa rõ, vui lòng liên hệ bộ phận nhân sự.',
  contactTitle: '■ Nơi liên hệ',
  noReply: 'E-mail này được gửi từ địa chỉ chỉ dùng để gửi, không nhận thư trả lời.',
}
