using Microsoft.AspNetCore.Http;
using Orator.Server.Requests;
using Orator.Speech.Errors;

namespace Orator.Server.Speech;

/// <summary>
/// Reserves a request's characters against its key once, when the first backend is about to
/// render, not before: a request every backend refuses at the door (queue full, circuits open)
/// spends none of the caller's characters.
/// </summary>
internal sealed class CharacterReservation(HttpContext context, RequestRecord record, long characters)
{
    private bool _reserved;

    /// <summary>Null when the characters are (or were already) reserved, else the 429 to answer with.</summary>
    public async ValueTask<ApiError?> EnsureAsync(CancellationToken cancellationToken)
    {
        if (_reserved)
        {
            return null;
        }

        if (await SpeechAccess.ReserveCharactersAsync(context, record, characters, cancellationToken) is { } limited)
        {
            return limited;
        }

        _reserved = true;
        record.Characters = characters;
        return null;
    }
}
