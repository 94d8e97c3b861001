package dev.herald.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;

/** Whether a port on this machine can be reached from elsewhere: through a non-loopback address. */
public final class Reachability {
  private Reachability() {}

  /** An address of this machine that other machines reach it by, if it has one. */
  public static Optional<InetAddress> outsideAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(Reachability::up)
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
        .findFirst();
  }

  /** Whether a TCP connection to this address and port is taken. */
  public static boolean accepts(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2_000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static boolean up(NetworkInterface network) {
    try {
      return network.isUp() && !network.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }
}
