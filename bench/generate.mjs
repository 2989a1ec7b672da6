// Deterministic generators of realistic proposals for the benchmarks (no randomness between runs).

/** mulberry32: a small seeded PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// 专名 morphemes seen in village-road names: wishes, virtues, nature, and village-name patterns.
const WORDS = (
  '幸福 和谐 富民 兴业 丰收 致富 创业 利民 建设 文化 振兴 团结 友谊 胜利 光明 前进 红旗 向阳 朝阳 东风 ' +
  '新华 人民 解放 民主 和平 长安 长江 黄河 泰山 华山 太平 永安 永康 永和 永兴 永乐 长乐 安康 康宁 ' +
  '吉祥 如意 平安 顺和 顺安 祥和 瑞祥 福泰 福兴 兴隆 兴旺 昌盛 隆昌 鸿运 锦绣 秀水 青山 绿水 碧水 ' +
  '清泉 甘泉 龙泉 玉泉 金泉 银河 星光 月光 晨光 曙光 阳光 春晖 春华 秋实 夏荷 冬梅 梅园 桃园 杏园 ' +
  '梨园 枣园 柳园 桑园 槐荫 柳荫 松柏 翠柏 青松 银杏 白杨 紫藤 丁香 牡丹 芙蓉 荷花 桂花 菊花 兰花 ' +
  '稻香 麦香 果香 花香 书香 墨香 文昌 文华 文明 崇文 尚武 崇德 厚德 明德 弘德 立德 仁和 仁爱 礼让 ' +
  '孝义 诚信 勤俭 勤劳 淳朴 和美 美丽 宜居 兴安 安居 乐业 康乐 欢乐 同乐 聚福 集贤 三贤 尚贤 育才 ' +
  '书院 学府 府前 府后 河东 河西 河南 河北 城东 城南 城西 城北 村东 村西 滨河 沿河 临河 傍河 望河 ' +
  '观澜 听涛 海滨 湖滨 湖畔 湖光 山水 山泉 泉水 井泉 古井 古槐 古柳 老槐 大槐 双槐 三槐 双井 三井'
).split(' ');
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万武钱戴严孔常汤康易乔赖文施洪辛柯庄葛齐庞鲁岳牛';
const VILLAGE = '家庄 家村 家寨 家营 家集 家屯 家洼 家湾 家店 家桥 庄 村 营 集 屯 楼 店 寨'.split(' ');
const DIRS = ['', '', '', '', '', '东', '西', '南', '北', '中'];
const ORDS = ['', '', '', '', '', '', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const GENERICS = ['路', '路', '路', '路', '街', '街', '巷', '巷', '巷', '大道', '大街', '胡同', '弄', '里'];

/** A 专名: a wish word, a village name (surname + 家庄 …), or two words joined (清泉幸福); ~60k distinct. */
function specific(r) {
  const x = r();
  if (x < 0.35) return WORDS[Math.floor(r() * WORDS.length)];
  if (x < 0.65) return SURNAMES[Math.floor(r() * SURNAMES.length)] + VILLAGE[Math.floor(r() * VILLAGE.length)];
  return WORDS[Math.floor(r() * WORDS.length)] + WORDS[Math.floor(r() * WORDS.length)];
}

/** `n` road names: 专名 × direction/ordinal × 通名. */
export function roadNames(n, seed = 42) {
  const r = rng(seed);
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const g = GENERICS[Math.floor(r() * GENERICS.length)];
    const ord = g === '路' || g === '街' || g === '巷' ? ORDS[Math.floor(r() * ORDS.length)] : '';
    out[i] = specific(r) + DIRS[Math.floor(r() * DIRS.length)] + ord + g;
  }
  return out;
}
