import ShurakuCLI
import Foundation

exit(ShurakuCLI.run(Array(CommandLine.arguments.dropFirst())))
