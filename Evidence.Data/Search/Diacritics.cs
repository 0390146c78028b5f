using System.Collections.Frozen;

namespace TrialEvidence.Data.Search;

/// <summary>
/// Latin letters without their diacritics, as the full-text index's tokenizer keeps words
/// (unicode61 remove_diacritics 2): "Sjögren" is "sjogren". The programs run with invariant
/// globalization, where string normalisation leaves non-ASCII text as it is, so the letters are
/// listed: every letter of U+00C0-U+024F and U+1E00-U+1EFF whose canonical decomposition is an
/// ASCII letter and combining marks (Unicode's own data; letters without one, such as ø, æ and ß,
/// stay, as the index keeps them).
/// </summary>
public static class Diacritics
{
    private const string Marked =
        "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊ" +
        "ċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚś" +
        "ŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬ" +
        "ǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋ" +
        "ḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋ" +
        "ṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋ" +
        "ẌẍẎẏẐẑẒẓẔẕẖẗẘẙẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐố" +
        "ỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ";

    private const string Plain =
        "aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccc" +
        "cccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrss" +
        "ssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkooo" +
        "ojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyyaabbbbbbccdd" +
        "ddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnn" +
        "oooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxx" +
        "xxyyzzzzzzhtwyaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooo" +
        "oooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy";

    private static readonly FrozenDictionary<char, char> Plainer =
        Marked.Zip(Plain).ToFrozenDictionary(p => p.First, p => p.Second);

    /// <summary>One character in lower case, a listed letter replaced by its plain one.</summary>
    public static char Fold(char c)
    {
        c = char.ToLowerInvariant(c);
        return Plainer.TryGetValue(c, out var plain) ? plain : c;
    }

    /// <summary>The text in lower case with each listed letter replaced by its plain one.</summary>
    public static string Remove(string text) =>
        string.Create(text.Length, text, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                chars[i] = Fold(source[i]);
            }
        });
}
