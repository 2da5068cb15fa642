using System.Runtime.InteropServices;

namespace Orator.Server.Hosting;

/// <summary>
/// SIGHUP, shared by every server in the process. .NET runs the handlers of one signal newest
/// first and stops at the first that cancels the default action, so a registration per server
/// would reload only the newest one; this class holds the process's one registration and hands
/// the signal to every subscriber (one per running server, more where servers are embedded or
/// tested side by side).
/// </summary>
internal static class ReloadSignal
{
    private static readonly Lock Gate = new();
    private static readonly List<Action> Subscribers = [];
    private static PosixSignalRegistration? s_registration;

    /// <summary>Calls <paramref name="reload"/> on every SIGHUP until the result is disposed. No-op on Windows.</summary>
    public static IDisposable Subscribe(Action reload)
    {
        ArgumentNullException.ThrowIfNull(reload);
        if (OperatingSystem.IsWindows())
        {
            return new Subscription(null);
        }

        lock (Gate)
        {
            Subscribers.Add(reload);
            if (s_registration is null)
            {
                // .NET leaves an ignored signal ignored (no handler is installed), so under
                // `nohup` a SIGHUP would do nothing. Reloading keeps nohup's promise (a hangup
                // never ends the server), so the default is put back for .NET to take over.
                Interop.NativeMethods.UnignoreSigHup();
                s_registration = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);
            }
        }

        return new Subscription(reload);
    }

    /// <summary>Hands a reload to every subscriber, as a SIGHUP does.</summary>
    internal static void Dispatch()
    {
        Action[] subscribers;
        lock (Gate)
        {
            subscribers = [.. Subscribers];
        }

        foreach (var reload in subscribers)
        {
            reload(); // each subscriber handles and logs its own failures
        }
    }

    private static void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // SIGHUP means "reload", never "terminate"
        Dispatch();
    }

    private static void Unsubscribe(Action reload)
    {
        lock (Gate)
        {
            Subscribers.Remove(reload);
            if (Subscribers.Count == 0)
            {
                s_registration?.Dispose();
                s_registration = null;
            }
        }
    }

    private sealed class Subscription(Action? reload) : IDisposable
    {
        private Action? _reload = reload;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _reload, null) is { } reload)
            {
                Unsubscribe(reload);
            }
        }
    }
}
