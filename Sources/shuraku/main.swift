import Foundation
import ShurakuCLI

exit(ShurakuCLI.run(Array(CommandLine.arguments.dropFirst())))
