namespace Sanatorium.Core.Content;

/// <summary>
/// The registration numbers of a Russian legal entity or individual entrepreneur, checked as the tax
/// service issues them: the digit count and the check digits.
/// </summary>
public static class LegalNumbers
{
    private static readonly int[] Inn10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

    /// <summary>An INN: 10 digits (an organisation) or 12 (an individual entrepreneur), with its check digits.</summary>
    public static bool IsValidInn(string value) => AllDigits(value) && value.Length switch
    {
        10 => CheckDigit(value, Inn10) == Digit(value, 9),
        12 => CheckDigit(value, Inn11) == Digit(value, 10) && CheckDigit(value, Inn12) == Digit(value, 11),
        _ => false,
    };

    /// <summary>
    /// An OGRN: 13 digits (an organisation) whose last is the first twelve as a number mod 11, mod 10; or an
    /// OGRNIP, 15 digits (an individual entrepreneur) whose last is the first fourteen mod 13, mod 10.
    /// </summary>
    public static bool IsValidOgrn(string value) => AllDigits(value) && value.Length switch
    {
        13 => long.Parse(value[..12], System.Globalization.CultureInfo.InvariantCulture) % 11 % 10 == Digit(value, 12),
        15 => long.Parse(value[..14], System.Globalization.CultureInfo.InvariantCulture) % 13 % 10 == Digit(value, 14),
        _ => false,
    };

    private static bool AllDigits(string value) => value.Length > 0 && value.All(char.IsAsciiDigit);

    private static int Digit(string value, int index) => value[index] - '0';

    private static int CheckDigit(string value, int[] weights) =>
        weights.Select((weight, i) => weight * Digit(value, i)).Sum() % 11 % 10;
}
