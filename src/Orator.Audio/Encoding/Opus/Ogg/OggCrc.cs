namespace Orator.Audio.Encoding.Opus.Ogg;

/// <summary>
/// The Ogg page checksum (RFC 3533 section 6): CRC-32 with generator polynomial 0x04C11DB7,
/// most significant bit first, initial value 0, no final XOR, over the page with its CRC field zeroed.
/// </summary>
internal static class OggCrc
{
    private const uint Polynomial = 0x04C11DB7;

    private static readonly uint[] Table = CreateTable();

    /// <summary>Continues <paramref name="crc"/> over <paramref name="data"/>; start with 0.</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        uint[] table = Table;
        foreach (byte value in data)
        {
            crc = (crc << 8) ^ table[(crc >> 24) ^ value];
        }

        return crc;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint index = 0; index < table.Length; index++)
        {
            uint remainder = index << 24;
            for (int bit = 0; bit < 8; bit++)
            {
                remainder = (remainder & 0x80000000) != 0 ? (remainder << 1) ^ Polynomial : remainder << 1;
            }

            table[index] = remainder;
        }

        return table;
    }
}
