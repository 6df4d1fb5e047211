/** Texts of the console's help pages. */
export const helpText = {
  compliance: {
    intro:
      'ガイドライン（事業者編）の安全管理措置と番号法上の義務ごとに、Bango の機能とその場所、それを確かめるテスト、会社が自ら行うべきことをまとめた対応表です。監査の際にご利用ください（英語。用語は日本語を併記）。',
    source: 'この画面の内容は、このバージョンの Bango に含まれる docs/compliance.md と同じです。',
  },
} as const
